package vn.motcua.delivery;

import io.quarkus.test.junit.QuarkusTest;
import vn.motcua.testing.OperationsEndpointsContract;

@QuarkusTest
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected String openApiTitle() {
        return "motcua postal-delivery-service";
    }
}
