namespace PrivacyHoldout178.Energy;

/// <summary>Consumes gas escape reports from the emergency line (a topic keyed by the reporter's phone) and sends an engineer.</summary>
public sealed class GasEscapeConsumer(IConsumer<string, GasEscapeReport> consumer, Pseudonymizer pseudonymizer, ILogger<GasEscapeConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("GasNetwork.EmergencyLine");
    private static readonly Meter Meter = new("GasNetwork.EmergencyLine");
    private static readonly Counter<long> Escapes = Meter.CreateCounter<long>("gas.escapes.reported");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                await Task.Delay(250, stoppingToken);
                continue;
            }

            var report = result.Message.Value;
            using var span = Source.StartGaslineOperation("emergency-line");
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.Activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            span.Activity?.SetTag("gas.report", report.ReportId); // clean precision-names
            span.Activity?.SetTag("gas.smell_indoors", report.SmellIndoors); // clean precision-about
            span.SetGaslinePriority(report.SmellIndoors ? "P1" : "P2"); // clean precision-about
            span.Activity?.SetTag("gas.address", report.Address); // leak TC1001 direct
            span.Activity?.SetTag("gas.postcode.outward", report.Postcode.Split(' ')[0]); // clean precision-about
            logger.LogInformation("Escape reported at {Postcode} by {Phone}", report.Postcode, report.ReporterPhone); // leak TC1001 direct
            Escapes.Add(1, new KeyValuePair<string, object?>("indoors", report.SmellIndoors)); // clean precision-about
            Escapes.Add(1, new KeyValuePair<string, object?>("district", report.Postcode.Split(' ')[0])); // clean precision-about
            if (report.AccountNumber is { } account)
            {
                span.SetGaslineCallerId(pseudonymizer.PseudonymizeGaslineCallerId(account)); // clean precision-pseudonym
                span.Activity?.SetTag("gas.account.prefix", account[..2]); // clean precision-about
                try
                {
                    throw new AccountNotFoundException(account);
                }
                catch (AccountNotFoundException ex)
                {
                    span.Activity?.AddException(ex); // leak TC1001 exceptions
                    span.RecordException(ex); // clean exceptions
                    logger.LogWarning("Account lookup failed: {Error}", ex.GetType().Name); // clean exceptions
                    logger.LogGaslineOperationFailedEvent("emergency-line", "no-account", gaslineNote: ex.Message); // leak TC1001 exceptions
                }
            }

            span.SetGaslineNote("Call back on " + report.ReporterPhone); // leak TC1001 generated-api
            span.SetGaslineNote(report.SmellIndoors ? "Indoor smell, make safe first" : "Outdoor smell"); // clean generated-api
            Meter.CreateGaslineOperationsCounter().Add(1, "emergency-line", report.ReporterPhone); // leak TC1003 generated-api
            consumer.Commit(result);
        }
    }
}
