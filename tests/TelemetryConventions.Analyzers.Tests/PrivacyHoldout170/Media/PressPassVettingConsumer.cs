namespace PrivacyHoldout170.Media;

/// <summary>Vets freelancers applying for a press pass to a secure venue (a basic DBS check per pass).</summary>
public sealed class PressPassVettingConsumer(
    IQueueReceiver<PressPassApplication> applications,
    IDbsUpdateService dbs,
    ILogger<PressPassVettingConsumer> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcaster.PressPasses");
    private static readonly Meter Meter = new("Broadcaster.PressPasses");
    private static readonly FreelancehireCheckDurationHistogram Duration = Meter.CreateFreelancehireCheckDurationHistogram();
    private static readonly Counter<long> Passes = Meter.CreateCounter<long>("presspass.vetted");
    private readonly Dictionary<string, DbsCheckRequest> _pending = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var application = await applications.ReceiveAsync(stoppingToken);
            if (application is null)
            {
                continue;
            }
            await VetAsync(application, stoppingToken);
        }
    }

    private async Task VetAsync(PressPassApplication application, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartFreelancehireOperation(application.Outlet)
            .SetFreelancehireFreelancerId(pseudonymizer.PseudonymizeFreelancehireFreelancerId(application.FreelancerId)) // clean generated-api
            .SetFreelancehireCheckType("dbs_basic"); // clean precision-about
        span.Activity?.SetTag("presspass.application_id", application.ApplicationId); // clean precision-names
        span.Activity?.SetTag("presspass.freelancer_id", application.FreelancerId); // leak TC1001 direct
        logger.LogInformation("Vetting press pass {Application}", application); // leak TC1001 logging-objects
        logger.LogInformation("Vetting press pass {ApplicationId} for {Outlet}", application.ApplicationId, application.Outlet); // clean precision-names
        logger.LogInformation("Pending DBS checks: {Pending}", _pending.Keys); // leak TC1001 logging-objects
        logger.LogInformation("Pending DBS checks: {Count}", _pending.Count); // clean precision-about
        if (!_pending.TryGetValue(application.FreelancerId, out var request))
        {
            span.SetFreelancehireOutcome("no_certificate"); // clean precision-about
            return;
        }
        try
        {
            var status = await dbs.CheckAsync(request.CertificateNumber, request.Surname, request.DateOfBirth, cancellationToken);
            span.SetFreelancehireOutcome(status.StatusCode); // clean precision-about
            Passes.Add(1, new KeyValuePair<string, object?>("outlet", application.Outlet), new KeyValuePair<string, object?>("status", status.StatusCode)); // clean precision-about
        }
        catch (CertificateMismatchException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.SetFreelancehireNote("certificate mismatch"); // clean generated-api
            span.SetFreelancehireNote($"certificate {request.CertificateNumber} mismatch"); // leak TC1001 generated-api
            Passes.Add(1, new KeyValuePair<string, object?>("freelancer", application.FreelancerId)); // leak TC1003 direct
        }
        catch (DbsServiceUnavailableException ex)
        {
            span.Activity?.AddException(ex); // clean exceptions
        }
        finally
        {
            _pending.Remove(application.FreelancerId);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, application.Outlet); // clean generated-api
        }
    }
}
