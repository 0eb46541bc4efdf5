namespace PrivacyHoldout188.Transport;

public sealed record DriverReferralMessage(string ReferralId, string StaffNumber, string DriverName, string LicenceNumber, string DepotCode, string RouteNumber, string ReasonCode, string ManagerQuestion, string SupervisorEmail);

/// <summary>
/// A bus operator's management referrals of drivers to occupational health (fitness to drive after sickness,
/// a near miss, a DVLA medical). The depots publish to a topic keyed by referral id.
/// </summary>
public sealed partial class DriverReferralConsumer(
    IConsumer<string, DriverReferralMessage> consumer,
    IOccHealthProvider provider,
    Pseudonymizer pseudonymizer,
    ILogger<DriverReferralConsumer> logger,
    Meter meter,
    OccHealthOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("BusCo.OccHealth.Referrals");
    private static readonly Counter<long> Referrals = new Meter("BusCo.OccHealth").CreateCounter<long>("driver.referrals");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var message = result.Message.Value;
            using var activity = Source.StartActivity("driver.referral.consume");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("referral.id", message.ReferralId); // clean precision-names
            activity?.SetTag("depot", message.DepotCode); // clean precision-names
            activity?.SetTag("route", message.RouteNumber); // clean precision-names
            activity?.SetTag("referral.reason_code", message.ReasonCode); // clean precision-names
            activity?.SetTag("driver.staff_number", message.StaffNumber); // leak TC1001 direct
            activity?.SetTag("driver.licence", message.LicenceNumber); // leak TC1001 direct
            activity?.SetTag("driver.licence_issue", message.LicenceNumber[^2..]); // clean precision-about
            activity?.SetTag("driver.name", message.DriverName); // leak TC1001 direct
            activity?.SetTag("referral.question", message.ManagerQuestion); // leak TC1001 direct
            activity?.SetTag("referral.supervisor_domain", message.SupervisorEmail.Split('@')[1]); // clean precision-about
            activity?.SetTag("driver.id", pseudonymizer.ComputeDepotohsClientId(message.StaffNumber)); // clean precision-pseudonym
            if (result.Message.Headers.TryGetValue("x-supervisor", out var supervisor))
            {
                activity?.SetTag("referral.supervisor", supervisor); // leak TC1001 direct
            }

            using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReferralId"] = message.ReferralId, ["Depot"] = message.DepotCode }); // clean logging-objects
            using var driverScope = logger.BeginScope(new Dictionary<string, object> { [message.StaffNumber] = message.ReasonCode }); // leak TC1001 logging-objects
            logger.LogInformation("Driver referral {@Referral}", message); // leak TC1001 logging-objects
            logger.LogInformation("Driver referral {@Referral}", message with { DriverName = "", LicenceNumber = "", ManagerQuestion = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Driver referral {@Referral}", new { message.ReferralId, message.DepotCode, message.RouteNumber, message.ReasonCode }); // clean logging-objects
            ReferralReceived(logger, message.ReferralId, message.DriverName, message.LicenceNumber); // clean logging-objects
            ReferralReceivedPlain(logger, message.ReferralId, message.LicenceNumber); // leak TC1001 logging-objects

            Referrals.Add(1, new KeyValuePair<string, object?>("depot", message.DepotCode), new KeyValuePair<string, object?>("reason", message.ReasonCode)); // clean precision-names
            Referrals.Add(1, new KeyValuePair<string, object?>("driver", message.StaffNumber)); // leak TC1003 direct
            Referrals.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.ComputeDepotohsClientId(message.StaffNumber))); // leak TC1003 precision-pseudonym

            var referral = new ManagementReferral(message.ReferralId, message.StaffNumber, message.SupervisorEmail, message.ManagerQuestion, message.ReasonCode, message.DepotCode);
            using var span = Source.StartDepotohsOperation(message.DepotCode); // clean generated-api
            span.SetDepotohsClientId(pseudonymizer.PseudonymizeDepotohsClientId(message.StaffNumber)); // clean generated-api
            span.SetDepotohsCaseType("referral"); // clean generated-api
            span.SetDepotohsNote($"referral {message.ReferralId} from depot {message.DepotCode}, route {message.RouteNumber}"); // clean generated-api
            span.SetDepotohsNote($"driver {message.DriverName}, licence {message.LicenceNumber}"); // leak TC1001 generated-api
            try
            {
                await provider.SubmitReferralAsync(referral, stoppingToken);
                span.SetDepotohsOutcome("referred"); // clean generated-api
                meter.CreateDepotohsOperationsCounter().Add(1, depotohsSite: message.DepotCode, depotohsOutcome: "referred"); // clean generated-api
            }
            catch (EmployeeNotFoundException ex)
            {
                span.SetDepotohsNote(ex.Message); // leak TC1001 generated-api
                logger.LogDepotohsOperationFailedEvent(message.DepotCode, "unknown-driver", depotohsClientId: pseudonymizer.PseudonymizeDepotohsClientId(message.StaffNumber)); // clean generated-api
                activity?.AddException(ex); // leak TC1001 exceptions
            }
            catch (ProviderUnavailableException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogWarning("Provider down: {Message}", ex.Message); // clean exceptions
            }

            activity?.SetTag("driver.hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(message.LicenceNumber)))); // leak TC1002 hashes
            activity?.SetTag("driver.partition", Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(message.StaffNumber)))[..2]); // clean hashes
            consumer.Commit(result);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} received for {DriverName}, licence {LicenceNumber}")]
    private static partial void ReferralReceived(ILogger logger, string referralId, [PrivateData] string driverName, [PrivateData] string licenceNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} received, licence {LicenceNumber}")]
    private static partial void ReferralReceivedPlain(ILogger logger, string referralId, string licenceNumber);
}
