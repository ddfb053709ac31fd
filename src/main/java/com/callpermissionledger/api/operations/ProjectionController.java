package com.callpermissionledger.api.operations;

import com.callpermissionledger.api.problem.Problems;
import com.callpermissionledger.audit.Projections;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Where each projection is, and rebuilding one by replaying every event. */
@RestController
@RequestMapping("/api/v1/admin/projections")
public class ProjectionController {

    private final Projections projections;

    public ProjectionController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping
    public List<Projections.Status> list() {
        return projections.list();
    }

    @PostMapping("/{name}/rebuild")
    public ResponseEntity<?> rebuild(@PathVariable String name) {
        if (!projections.rebuild(name)) {
            return Problems.answer(Problems.problem(HttpStatus.NOT_FOUND, "UNKNOWN_PROJECTION", "Unknown projection",
                    "There is no projection '" + name + "'; GET /api/v1/admin/projections lists them."));
        }
        return ResponseEntity.accepted().body(projections.find(name).orElse(null));
    }
}
