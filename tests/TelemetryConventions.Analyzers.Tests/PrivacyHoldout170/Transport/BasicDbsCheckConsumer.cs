namespace PrivacyHoldout170.Transport;

/// <summary>Consumes basic DBS check requests for school-route drivers from a topic keyed by the agency's order id.</summary>
public sealed class BasicDbsCheckConsumer(
    IConsumer<string, DbsCheckRequest> consumer,
    IDbsUpdateService dbs,
    ILogger<BasicDbsCheckConsumer> logger,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Operator.Drivers.BasicDbs");
    private static readonly Meter Meter = new("Operator.Drivers.BasicDbs");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("dbs.basic.checks");
    private static readonly ObservableGauge<int> Backlog = Meter.CreateObservableGauge("dbs.basic.backlog", () => PendingCount);
    private static int PendingCount;

    public async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }
        var request = result.Message.Value;
        Interlocked.Increment(ref PendingCount);
        using var activity = Source.StartActivity("dbs.basic.check", ActivityKind.Consumer);
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
        activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names
        activity?.SetTag("dbs.workforce", request.Workforce); // clean precision-about
        activity?.SetTag("dbs.certificate_length", request.CertificateNumber.Length); // clean precision-about
        activity?.SetTag("dbs.certificate", request.CertificateNumber); // leak TC1001 direct
        activity?.SetTag("driver.ref", pseudonymizer.PseudonymizeDepothireDriverId(request.CandidateId)); // clean precision-pseudonym
        logger.LogInformation("DBS check requested {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("DBS check for {Driver}", DriverOf(request)); // leak TC1001 cross-member
        logger.LogInformation("DBS check on the {Workforce} workforce, requested {Requested}", WorkforceOf(request), DateTimeOffset.UtcNow); // clean cross-member
        activity?.SetTag("dbs.summary", $"workforce {request.Workforce}, offset {result.Offset}"); // clean strings
        var label = string.Join("/", request.Surname, request.DateOfBirth.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        try
        {
            var status = await dbs.CheckAsync(request.CertificateNumber, request.Surname, request.DateOfBirth, cancellationToken);
            Checks.Add(1, new KeyValuePair<string, object?>("status", status.StatusCode)); // clean precision-about
            logger.LogInformation("DBS status {Status} current {Current}", status.StatusCode, status.IsCurrent); // clean precision-about
        }
        catch (CertificateMismatchException ex)
        {
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Mismatch for {Label}", label); // leak TC1001 strings
            logger.LogWarning(ex, "Certificate mismatch on the {Workforce} workforce", request.Workforce); // leak TC1001 exceptions
            Checks.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.ComputeDepothireDriverId(request.CandidateId))); // leak TC1003 precision-pseudonym
        }
        catch (DbsServiceUnavailableException ex)
        {
            logger.LogWarning(ex, "DBS update service unavailable"); // clean exceptions
            activity?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
        }
        finally
        {
            Interlocked.Decrement(ref PendingCount);
        }
        consumer.Commit(result);
    }

    private static string DriverOf(DbsCheckRequest request) => request.CandidateId;

    private static string WorkforceOf(DbsCheckRequest request) => request.Workforce;
}
