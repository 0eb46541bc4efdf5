namespace PrivacyHoldout137.Healthcare;

/// <summary>A discharge referral: the patient goes home on equipment that needs electricity.</summary>
public sealed record PsrReferral(
    string ReferralId,
    string NhsNumber,
    string PatientFamilyName,
    string SupplierCode,
    string? SupplierAccountNumber,
    string Mpan,
    string EquipmentKind,
    string WardCode,
    string? CarerMobile);

public interface IReferralQueue
{
    Task<PsrReferral?> NextAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Sends home-oxygen, dialysis and ventilator discharges to the patient's electricity supplier so the
/// household goes on the Priority Services Register before the patient gets home.
/// </summary>
public sealed partial class MedicalDependencyPsrReferralHandler(
    IReferralQueue queue,
    IPsrRegister register,
    Pseudonymizer pseudonymizer,
    ILogger<MedicalDependencyPsrReferralHandler> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Discharge.PsrReferrals");
    private static readonly Meter Meter = new("Trust.Discharge.PsrReferrals");
    private static readonly Counter<long> Referrals = Meter.CreateCounter<long>("psr.referrals.sent");
    private static readonly Histogram<int> BackupHours = Meter.CreateHistogram<int>("psr.referral.backup_hours");

    private string? _lastFailedNhsNumber;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var referral = await queue.NextAsync(stoppingToken);
            if (referral is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                continue;
            }

            await HandleAsync(referral, stoppingToken);
        }
    }

    private async Task HandleAsync(PsrReferral referral, CancellationToken ct)
    {
        using var activity = Source.StartActivity("psr.referral");
        activity?.SetTag("referral.id", referral.ReferralId); // clean precision-names
        activity?.SetTag("referral.ward", referral.WardCode);
        activity?.SetTag("referral.supplier", referral.SupplierCode); // clean precision-names
        activity?.SetTag("patient.nhs_number", referral.NhsNumber); // leak TC1001 direct
        activity?.SetTag("referral.equipment", referral.EquipmentKind);
        activity?.SetTag("referral.has_carer_mobile", referral.CarerMobile is not null); // clean precision-about

        using var scope = logger.BeginScope("Referral {ReferralId} for {Patient}", referral.ReferralId, referral.PatientFamilyName); // leak TC1001 logging-objects

        var needs = NeedsFor(referral.EquipmentKind);
        using var care = Source.StartUtilcareAssess("psr")
            .SetUtilcareAccountId(pseudonymizer.PseudonymizeUtilcareAccountId(referral.SupplierAccountNumber ?? referral.Mpan)) // clean precision-pseudonym
            .SetUtilcareNeeds(needs.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray()); // clean precision-about

        if (referral.SupplierAccountNumber is null)
        {
            LogNoAccount(logger, referral.ReferralId, referral.Mpan); // leak TC1001 direct
            care.SetUtilcareNote($"No supplier account on the referral; matched on MPAN {referral.Mpan}"); // leak TC1001 generated-api
        }

        try
        {
            await register.ShareWithNetworkAsync(referral.Mpan, needs, ct);
            care.SetUtilcareOutcome("registered"); // clean precision-names
            Referrals.Add(1, new KeyValuePair<string, object?>("supplier", referral.SupplierCode), new("equipment", referral.EquipmentKind)); // clean precision-names
            BackupHours.Record(BackupFor(referral.EquipmentKind), new KeyValuePair<string, object?>("ward", referral.WardCode)); // clean precision-names
            logger.LogInformation("PSR referral {ReferralId} shared with {NeedsCount} needs codes", referral.ReferralId, needs.Count); // clean precision-about
        }
        catch (PsrFlowRejectedException ex)
        {
            _lastFailedNhsNumber = referral.NhsNumber;
            care.SetUtilcareOutcome("declined").RecordException(ex); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("PSR flow {FlowCode} rejected the referral", ex.FlowCode); // clean exceptions
            Referrals.Add(1, new KeyValuePair<string, object?>("supplier", referral.SupplierCode), new("outcome", "rejected:" + ex.Mpan)); // leak TC1003 exceptions
        }
    }

    public void ReportStuck()
    {
        if (_lastFailedNhsNumber is { } nhs)
        {
            logger.LogError("Last rejected referral was for patient {NhsNumber}; chase the supplier by phone", nhs); // leak TC1001 cross-member
        }
    }

    private static IReadOnlyList<int> NeedsFor(string equipment) => equipment switch
    {
        "home-oxygen" => new[] { 14, 15 },
        "dialysis" => new[] { 14, 24 },
        _ => new[] { 14 },
    };

    private static int BackupFor(string equipment) => equipment == "home-oxygen" ? 4 : 2;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Referral {ReferralId} has no supplier account; using MPAN {Mpan}")]
    private static partial void LogNoAccount(ILogger logger, string referralId, string mpan);
}
