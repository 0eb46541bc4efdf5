namespace PrivacyHoldout134.Media;

/// <summary>An entry in a set medic's controlled drugs book: morphine or midazolam given on location.</summary>
public sealed record SetMedicCdUse(string Production, string UnitBase, string Drug, decimal AmountMg, string PatientName, string PatientRole, string MedicId, string MedicName, string WitnessName);

/// <summary>The production medic's drugs log for a drama shoot: uses on set and the daily reconciliation.</summary>
public sealed partial class ProductionMedicControlledDrugsLog(ICdRegister register, Pseudonymizer pseudonymizer, ILogger<ProductionMedicControlledDrugsLog> logger)
{
    private static readonly ActivitySource Source = new("Production.Medic");
    private static readonly Meter Meter = new("Production.Medic");
    private static readonly Counter<long> Uses = Meter.CreateCounter<long>("production.medic.cd_uses");

    private string? _lastMedicName;

    public async Task RecordUseAsync(SetMedicCdUse use, CancellationToken cancellationToken)
    {
        using var span = Source.StartCrewhealthCheck(crewhealthAssignment: use.Production, spanName: "medic.cd_use");
        span.SetCrewhealthVaccine(use.Drug); // clean precision-names
        span.SetCrewhealthMedicId(pseudonymizer.PseudonymizeCrewhealthMedicId(use.MedicId)); // clean precision-pseudonym
        span.Activity?.SetTag("medic.patient.role", use.PatientRole); // clean precision-names
        span.Activity?.SetTag("medic.amount_mg", (double)use.AmountMg); // clean precision-about
        span.SetCrewhealthNote($"given to {use.PatientName} at {use.UnitBase}"); // leak TC1001 generated-api
        _lastMedicName = use.MedicName;

        var entry = await register.RecordSupplyAsync(new ControlledDrugEntry(Guid.NewGuid().ToString("N"), $"{use.Production}-cd", use.Drug, "CD2", use.AmountMg, 0m, use.PatientName, use.UnitBase, use.MedicName, null, use.WitnessName), cancellationToken);
        LogUse(logger, entry.DrugName, entry.Quantity, entry.RunningBalance); // clean precision-about
        LogWitness(logger, use.WitnessName); // leak TC1001 logging-objects
        Uses.Add(1, new KeyValuePair<string, object?>("production", use.Production), new KeyValuePair<string, object?>("drug", use.Drug)); // clean precision-names
        Uses.Add(1, new KeyValuePair<string, object?>("medic", pseudonymizer.PseudonymizeCrewhealthMedicId(use.MedicId).Value)); // leak TC1003 precision-pseudonym
    }

    public async Task ReconcileAsync(string production, decimal counted, CancellationToken cancellationToken)
    {
        try
        {
            await register.CheckBalanceAsync($"{production}-cd", counted, cancellationToken);
        }
        catch (CdBalanceDiscrepancyException ex)
        {
            logger.LogError(ex, "Reconciliation failed for {Production}", production); // clean exceptions
            logger.LogError("Last entries by {Medic}", _lastMedicName); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CD use: {Drug} {Amount}mg, balance {Balance}")]
    private static partial void LogUse(ILogger logger, string drug, decimal amount, decimal balance);

    [LoggerMessage(Level = LogLevel.Information, Message = "Witnessed by {Witness}")]
    private static partial void LogWitness(ILogger logger, string witness);
}
