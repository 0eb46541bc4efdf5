namespace PrivacyHoldout145.Energy;

/// <summary>What the installer's app posts when a comms hub is fitted.</summary>
public sealed record CommissionHubCommand(string JobId, string HubGuid, string MeterSerial, string Mpan, string AccountNumber, string InstallerStaffNumber, string CustomerEmail, string HubModel, string Region);

/// <summary>
/// Commissions a smart meter comms hub after an installer fits it: registers it, joins it to the meter and
/// checks it reached the network. A hub in a home identifies the household; installers are staff.
/// </summary>
public sealed partial class HubCommissioningHandler(
    IHubRegistry registry,
    Pseudonymizer pseudonymizer,
    ILogger<HubCommissioningHandler> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Supplier.Metering.Commissioning");

    private readonly Counter<long> _commissioned = meter.CreateCounter<long>("metering.hubs.commissioned", "{hub}");

    private string? _lastFailedHub;
    private string? _installerOnLastFailure;

    public async Task HandleAsync(CommissionHubCommand command, CancellationToken ct)
    {
        using var span = Source.StartCommshubOperation(command.Region, "commshub.commission");
        span.SetCommshubHouseholdId(pseudonymizer.PseudonymizeCommshubHouseholdId(command.AccountNumber)); // clean precision-pseudonym
        span.SetCommshubInstallerId(pseudonymizer.PseudonymizeCommshubInstallerId(command.InstallerStaffNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("commshub.job.id", command.JobId); // clean precision-names
        Activity.Current?.SetTag("commshub.hub.guid", command.HubGuid); // leak TC1001 direct
        Activity.Current?.SetTag("commshub.meter.model_prefix", command.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("commshub.mpan.distributor", command.Mpan[..2]); // clean precision-about
        var siteLabel = string.Concat(command.Region, "/", command.HubModel);
        Activity.Current?.SetTag("commshub.site_label", siteLabel); // clean strings
        var hubLabel = string.Concat(command.Region, "/", command.HubModel, "/", command.HubGuid);
        logger.LogDebug("Commissioning {HubLabel}", hubLabel); // leak TC1001 strings
        using var scope = logger.BeginScope("Commissioning job {JobId} for MPAN {Mpan}", command.JobId, command.Mpan); // leak TC1001 direct

        var install = new HubInstall(command.JobId, command.HubGuid, command.InstallerStaffNumber, command.AccountNumber, DateTimeOffset.UtcNow);
        try
        {
            await registry.CommissionAsync(install, ct);
            LogCommissioned(logger, command.JobId, command.HubGuid, command.MeterSerial); // clean logging-objects
            logger.LogInformation("Installed {Install}", install); // leak TC1001 logging-objects
            _commissioned.Add(1, new KeyValuePair<string, object?>("region", command.Region), new KeyValuePair<string, object?>("hub.model", command.HubModel)); // clean precision-about
            meter.CreateCommshubConnectionsCounter().Add(1, command.Region, "commissioned"); // clean generated-api
        }
        catch (HubNotCommissionedException ex)
        {
            _lastFailedHub = command.HubGuid;
            _installerOnLastFailure = command.InstallerStaffNumber;
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogCommshubOperationFailedEvent(command.Region, "not-commissioned", pseudonymizer.PseudonymizeCommshubHouseholdId(command.AccountNumber), $"job {command.JobId}, model {command.HubModel}"); // clean generated-api
            Activity.Current?.SetTag(CommshubAttributes.Contact, command.CustomerEmail); // leak TC1001 generated-api
            Activity.Current?.SetTag("commshub.customer.email_domain", command.CustomerEmail.Split('@')[^1]); // clean precision-about
            Activity.Current?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
        }
    }

    public void ReportDay()
    {
        logger.LogWarning("Last hub that failed commissioning: {HubGuid}, fitted by {Installer}", _lastFailedHub, _installerOnLastFailure); // leak TC1001 cross-member
        logger.LogWarning("A hub failed commissioning today: {Failed}", _lastFailedHub is not null); // clean cross-member
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Job {JobId}: hub {HubGuid} joined to meter {MeterSerial}")]
    private static partial void LogCommissioned(ILogger logger, string jobId, [PrivateData] string hubGuid, [PrivateData] string meterSerial);
}
