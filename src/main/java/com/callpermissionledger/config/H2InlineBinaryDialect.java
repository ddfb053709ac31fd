package com.callpermissionledger.config;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

import java.sql.Types;

/**
 * Axon maps payloads, metadata and tokens as {@code @Lob byte[]}, which H2 keeps in its separate LOB store:
 * every event then wrote and read several more B-trees, and the file grew faster (docs/performance.md,
 * change 2). This dialect stores them inline as {@code binary varying}, as {@link PostgresByteaDialect}
 * does with {@code bytea}; the Flyway migration {@code db/migration/h2/V5} converts existing columns.
 */
public class H2InlineBinaryDialect extends H2Dialect {

    public H2InlineBinaryDialect() {
        super();
    }

    public H2InlineBinaryDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "binary varying" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "binary varying" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(Types.BLOB, VarbinaryJdbcType.INSTANCE);
    }
}
