namespace PrivacyHoldout169.Healthcare;

/// <summary>Pays the welfare grants the charity makes to patients (travel, overnight stays, a phone top-up).</summary>
public sealed partial class PatientWelfareGrantWorker(
    IQueueReceiver<PatientWelfareGrant> grants,
    IGrantPanel panel,
    Pseudonymizer pseudonymizer,
    ILogger<PatientWelfareGrantWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("HospitalCharity.Welfare");
    private static readonly Meter Meter = new("HospitalCharity.Welfare");

    [LoggerMessage(Level = LogLevel.Information, Message = "Welfare grant for patient {NhsNumber} on {Ward}")]
    private static partial void LogGrant(ILogger logger, [PrivateData] string nhsNumber, string ward);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Welfare grant held for patient {NhsNumber}")]
    private static partial void LogHeld(ILogger logger, string nhsNumber);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var grant = await grants.ReceiveAsync(stoppingToken);
            if (grant is null)
            {
                continue;
            }
            await PayAsync(grant, "St Mary's", stoppingToken);
        }
    }

    private async Task PayAsync(PatientWelfareGrant grant, string hospital, CancellationToken cancellationToken)
    {
        using var operation = Source.StartHospitalcharityOperation(hospital).SetHospitalcharityFund("welfare"); // clean generated-api
        LogGrant(logger, grant.NhsNumber, grant.Ward); // clean logging-objects
        Activity.Current?.SetBaggage("patient.nhs", grant.NhsNumber); // leak TC1001 direct
        using (logger.BeginScope(new Dictionary<string, object> { ["Ward"] = grant.Ward, ["Purpose"] = grant.Purpose })) // clean logging-objects
        {
            var award = new GrantAward(Guid.NewGuid().ToString("N"), grant.NhsNumber, grant.Amount, "welfare");
            try
            {
                var decision = await panel.DecideAsync(award, cancellationToken);
                logger.LogInformation("Panel decided {@Decision}", decision); // clean logging-objects
                operation.SetHospitalcharityOutcome(decision.Outcome); // clean generated-api
            }
            catch (BeneficiaryFlaggedException ex)
            {
                LogHeld(logger, grant.NhsNumber); // leak TC1001 logging-objects
                operation.RecordException(ex); // clean exceptions
                operation.RecordException(ex, "held", includeMessage: true); // leak TC1001 exceptions
                operation.SetHospitalcharityPatientId(pseudonymizer.PseudonymizeHospitalcharityPatientId(grant.NhsNumber)); // clean precision-pseudonym
                logger.LogHospitalcharityOperationFailedEvent(hospital, "held", default, ex.GetType().Name); // clean exceptions
                return;
            }
            catch (IneligibleException ex)
            {
                logger.LogWarning(ex, "Grant {AwardId} ineligible", award.AwardId); // clean exceptions
                return;
            }
            logger.LogInformation("Paid {Award}", award); // leak TC1001 logging-objects
        }
        var bucket = (grant.NhsNumber.GetHashCode() & 0x7fffffff) % 16;
        Meter.CreateHospitalcharityGiftDurationHistogram().Record(0.2, hospital); // clean generated-api
        Activity.Current?.SetTag("welfare.bucket", bucket); // leak TC1002 hashes
    }
}
