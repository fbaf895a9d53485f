package vn.motcua.delivery.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.delivery.PostalOperatorMessages;
import vn.motcua.contracts.delivery.PostalOperatorMessages.StatusReport;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.messaging.inbox.EventHandler;

import java.util.Set;

/**
 * The Kafka path of operator status reports ({@code postal.status-reports}, one report per CloudEvent). A report we
 * refuse is not retried: it is recorded and the operator is told on {@code postal.orders}
 * ({@code status-report-rejected}); an envelope or payload that is not JSON of the schema goes to
 * {@code postal.status-reports.dlq}.
 */
@ApplicationScoped
public class StatusReportConsumer implements EventHandler {

    @Inject
    StatusReportProcessor processor;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.POSTAL_STATUS_REPORTS);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PostalOperatorMessages.STATUS_REPORT);
    }

    @Override
    public void handle(CloudEvent event) {
        StatusReport report = CloudEventCodec.dataAs(event, StatusReport.class);
        processor.process(null, report, StatusReportProcessor.Channel.KAFKA);
    }
}
