namespace PrivacyHoldout134.Healthcare;

/// <summary>A ward's supply of a controlled drug to a patient, as the ward's tablet posts it.</summary>
public sealed record WardCdSupply(string Ward, string RegisterId, string DrugName, string Schedule, decimal Quantity, string HospitalNumber, string PatientName, string PatientAddress, string PrescriberName, string NurseStaffId, string WitnessStaffId);

/// <summary>The ward's electronic controlled drugs register: supplies with a witness, and the weekly balance checks.</summary>
public sealed partial class ControlledDrugsRegisterService(
    ICdRegister register,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ControlledDrugsRegisterService> logger)
{
    private static readonly ActivitySource Source = new("Wards.CdRegister");
    private static readonly Meter Meter = new("Wards.CdRegister");
    private static readonly Counter<long> Supplies = Meter.CreateCounter<long>("ward.cd.supplies");
    private static readonly Histogram<double> Discrepancy = Meter.CreateHistogram<double>("ward.cd.discrepancy");

    public async Task RecordAsync(WardCdSupply supply, CancellationToken cancellationToken)
    {
        using var span = Source.StartRxcarePrescription(rxcarePractice: supply.Ward);
        span.SetRxcareItemCode(supply.DrugName); // clean precision-names
        span.SetRxcarePatientId(pseudonymizer.PseudonymizeRxcarePatientId(supply.HospitalNumber)); // clean precision-pseudonym
        span.SetRxcareClinicianId(pseudonymizer.PseudonymizeRxcareClinicianId(supply.NurseStaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("cd.schedule", supply.Schedule); // clean precision-names
        span.Activity?.SetTag("cd.quantity", (double)supply.Quantity); // clean precision-about
        span.Activity?.SetTag("cd.witness", supply.WitnessStaffId); // leak TC1001 direct
        span.Activity?.SetTag("cd.patient.lane", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(supply.HospitalNumber))[0] % 16); // clean hashes
        span.Activity?.SetTag("cd.patient.bucket", supply.HospitalNumber.GetHashCode() % 32); // leak TC1002 hashes

        var entry = new ControlledDrugEntry(Guid.NewGuid().ToString("N"), supply.RegisterId, supply.DrugName, supply.Schedule, supply.Quantity, 0m, supply.PatientName, supply.PatientAddress, supply.PrescriberName, null, supply.WitnessStaffId);
        var saved = await register.RecordSupplyAsync(entry, cancellationToken);
        LogSupplied(logger, saved.RegisterId, saved.DrugName, saved.RunningBalance); // clean precision-names
        LogSupplyFor(logger, saved.PatientName, saved.DrugName); // clean logging-objects
        LogSupplyPrescriber(logger, saved.PrescriberName); // leak TC1001 logging-objects
        logger.LogTrace("Register entry {Entry}", saved); // leak TC1001 logging-objects
        Supplies.Add(1, new TagList { { "ward", supply.Ward }, { "schedule", supply.Schedule } }); // clean precision-names
        Supplies.Add(1, new TagList { { "ward", supply.Ward }, { "nurse", pseudonymizer.ComputeRxcareClinicianId(supply.NurseStaffId) } }); // leak TC1003 precision-pseudonym
    }

    public async Task CheckBalanceAsync(string ward, string registerId, decimal counted, string checkedByStaffId, CancellationToken cancellationToken)
    {
        using var span = Source.StartRxcarePrescription(rxcarePractice: ward, spanName: "cd.balance_check");
        span.SetRxcareClinicianId(pseudonymizer.PseudonymizeRxcareClinicianId(checkedByStaffId)); // clean precision-pseudonym
        try
        {
            var check = await register.CheckBalanceAsync(registerId, counted, cancellationToken);
            logger.LogInformation("Balance check {@Check}", check); // clean logging-objects
            Discrepancy.Record((double)check.Difference, new KeyValuePair<string, object?>("drug", check.DrugName)); // clean precision-names
            if (check.Difference != 0)
            {
                throw new CdBalanceDiscrepancyException(registerId, check.DrugName, check.Expected, check.Counted);
            }
        }
        catch (CdBalanceDiscrepancyException ex)
        {
            span.RecordException(ex, "balance discrepancy", includeMessage: true); // clean exceptions
            logger.LogError(ex, "CD balance discrepancy on {Ward}, checked by {StaffId}", ward, checkedByStaffId); // leak TC1001 direct
            logger.LogRxcarePrescriptionFailedEvent(rxcarePractice: ward, rxcareOutcome: "discrepancy", rxcareNote: ex.Message); // clean generated-api
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Register {RegisterId}: supplied {Drug}, balance {Balance}")]
    private static partial void LogSupplied(ILogger logger, string registerId, string drug, decimal balance);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Supplied to {PatientName}: {Drug}")]
    private static partial void LogSupplyFor(ILogger logger, [PrivateData] string patientName, string drug);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Prescribed by {PrescriberName}")]
    private static partial void LogSupplyPrescriber(ILogger logger, string prescriberName);
}
