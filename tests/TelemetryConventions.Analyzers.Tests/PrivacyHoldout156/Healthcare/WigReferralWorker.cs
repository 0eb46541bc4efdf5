namespace PrivacyHoldout156.Healthcare;

/// <summary>
/// Takes oncology's wig referrals off the queue, checks eligibility with the PAS, orders the wig from the supplier
/// and books the fitting at a partner salon.
/// </summary>
public sealed partial class WigReferralWorker(
    IQueueReceiver<WigReferral> referrals,
    IPatientAdministration pas,
    IWigSupplier supplier,
    IClientMessenger messenger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<WigReferralWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.WigService");
    private static readonly Meter Meter = new("Trust.WigService");
    private static readonly Counter<long> Referrals = Meter.CreateCounter<long>("wigs.referrals.received");
    private static readonly Histogram<int> StockLevels = Meter.CreateHistogram<int>("wigs.stock.level");

    private readonly List<string> _ineligible = new();
    private string? _lastReferredPatient;
    private int _processed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var referral = await referrals.ReceiveAsync(stoppingToken);
            if (referral is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("wig.referral");
            activity?.SetTag("wig.referral.id", referral.ReferralId); // clean direct
            activity?.SetTag("wig.clinic", referral.Clinic); // clean direct
            activity?.SetTag("wig.patient.nhs_number", referral.NhsNumber); // leak TC1001 direct
            activity?.SetTag("wig.type", referral.WigType); // clean direct
            Referrals.Add(1, new KeyValuePair<string, object?>("clinic", referral.Clinic)); // clean direct
            _lastReferredPatient = referral.HospitalNumber;
            _processed++;

            try
            {
                await HandleAsync(referral, activity, stoppingToken);
            }
            catch (PatientNotEligibleException ex)
            {
                _ineligible.Add(referral.HospitalNumber);
                logger.LogWarning(ex, "Referral {ReferralId} refused", referral.ReferralId); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            }
            catch (ReferralExpiredException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogInformation(ex, "Referral expired at {Clinic}", referral.Clinic); // clean exceptions
            }
            catch (WigOutOfStockException ex)
            {
                activity?.AddException(ex); // clean exceptions
            }
        }
    }

    private async Task HandleAsync(WigReferral referral, Activity? activity, CancellationToken cancellationToken)
    {
        logger.LogInformation("Wig referral received: {@Referral}", referral); // leak TC1001 logging-objects
        logger.LogDebug("Referral {ReferralId} from {ConsultantTeam} for a {WigType}", referral.ReferralId, referral.ConsultantTeam, referral.WigType); // clean precision-names

        if (!await pas.IsOnActiveTreatmentAsync(referral.NhsNumber, cancellationToken))
        {
            throw new PatientNotEligibleException(referral.NhsNumber);
        }

        var stock = await supplier.StockAsync(referral.WigType, cancellationToken);
        StockLevels.Record(stock, new KeyValuePair<string, object?>("wig.type", referral.WigType)); // clean direct
        if (stock == 0)
        {
            throw new WigOutOfStockException(referral.WigType);
        }

        var orderId = await supplier.OrderAsync(referral.ReferralId, referral.WigType, "partner-salon", cancellationToken);
        activity?.SetTag("wig.order.id", orderId); // clean direct
        activity?.SetTag("wig.patient.name.length", referral.PatientName.Length); // clean precision-about
        activity?.AddEvent(new ActivityEvent("wig.ordered", tags: new ActivityTagsCollection { ["patient.name"] = referral.PatientName })); // leak TC1001 direct

        var mobile = await pas.MobileOfAsync(referral.HospitalNumber, cancellationToken);
        await messenger.TextAsync(mobile, $"Your wig has been ordered. Ref {orderId}", cancellationToken);
        activity?.SetTag("wig.patient.mobile_on_file", !string.IsNullOrEmpty(mobile)); // clean precision-about
        LogOrdered(logger, referral.ReferralId, referral.HospitalNumber); // clean logging-objects
        LogOrderedForRota(logger, referral.PatientName, referral.Clinic); // leak TC1001 logging-objects

        using var span = Source.StartWigclinicOperation(referral.Clinic).SetWigclinicPatientId(pseudonymizer.PseudonymizeWigclinicPatientId(referral.HospitalNumber)); // clean generated-api
        span.SetWigclinicService("wig-order"); // clean generated-api
        span.SetWigclinicNote($"Ordered {referral.WigType} for {referral.PatientName}"); // leak TC1001 generated-api
        activity?.SetTag("wig.cohort", CohortOf(referral.HospitalNumber)); // leak TC1002 hashes
        activity?.SetTag("wig.shard", ShardOf(referral.HospitalNumber)); // clean hashes
    }

    public void ReportShift()
    {
        logger.LogInformation("Processed {Count} referrals, {Ineligible} refused", _processed, _ineligible.Count); // clean cross-member
        logger.LogInformation("Refused this shift: {Patients}", string.Join(",", _ineligible)); // leak TC1001 cross-member
        Activity.Current?.SetTag("wig.last_patient", _lastReferredPatient); // leak TC1001 cross-member
    }

    private static string CohortOf(string hospitalNumber) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))[..6];

    private int ShardOf(string hospitalNumber) =>
        HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(hospitalNumber))[0] % 16;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Wig ordered for referral {ReferralId}, patient {HospitalNumber}")]
    private static partial void LogOrdered(ILogger logger, string referralId, [PrivateData] string hospitalNumber);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Fitting to arrange for {PatientName} at {Clinic}")]
    private static partial void LogOrderedForRota(ILogger logger, string patientName, string clinic);
}
