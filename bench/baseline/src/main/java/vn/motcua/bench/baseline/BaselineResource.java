package vn.motcua.bench.baseline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** (a) the cheapest endpoint Quarkus can serve; (b) one row inserted in one transaction, nothing else. */
@Path("/bench")
public class BaselineResource {

    @Entity
    @Table(name = "bench_row")
    public static class BenchRow extends PanacheEntityBase {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Long id;
        public String payload;
    }

    public record RowRequest(String payload) {
    }

    @GET
    @Path("/hello")
    public String hello() {
        return "xin chào";
    }

    @POST
    @Path("/rows")
    @Transactional
    public Response insert(RowRequest request) {
        BenchRow row = new BenchRow();
        row.payload = request == null || request.payload() == null ? "" : request.payload();
        row.persist();
        return Response.created(URI.create("/bench/rows/" + row.id)).entity(java.util.Map.of("id", row.id)).build();
    }
}
