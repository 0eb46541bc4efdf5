namespace PrivacyHoldout165.Energy;

/// <summary>The bereavement team moves a deceased customer's account to the next of kin, who proves the relationship
/// with a certificate or a family tree from a genealogy site.</summary>
public sealed class BereavementTransferService(
    IBereavementDesk desk,
    Pseudonymizer pseudonymizer,
    ILogger<BereavementTransferService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Energy.Bereavement");
    private readonly Counter<long> _transfers = meter.CreateCounter<long>("bereavement.transfers");

    public async Task<TransferDecision?> TransferAsync(string caseId, NextOfKin kin, string agentStaffId, CancellationToken cancellationToken)
    {
        using var span = Source.StartEstateOperation("bereavement-north");
        var @case = await desk.FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        span.SetEstateCustomerId(pseudonymizer.PseudonymizeEstateCustomerId(@case.AccountNumber)); // clean generated-api
        span.SetEstateAgentId(pseudonymizer.PseudonymizeEstateAgentId(agentStaffId)); // clean generated-api
        span.Activity?.SetTag("case.id", @case.CaseId); // clean precision-names
        span.Activity?.SetTag("case.days_since_death", DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - @case.DateOfDeath.DayNumber); // clean precision-about
        span.Activity?.SetTag("kin.relationship", kin.Relationship); // clean precision-about
        var salutation = new StringBuilder("Dear ").Append(kin.Name).ToString();
        span.Activity?.SetTag("letter.salutation", salutation); // leak TC1001 strings
        span.Activity?.SetTag("kin.name", kin.Name); // leak TC1001 direct
        span.Activity?.SetTag("deceased.account", @case.AccountNumber); // leak TC1001 direct
        logger.LogInformation("Transferring account of {Deceased} to {Kin}", @case.DeceasedName, kin.Relationship); // leak TC1001 direct
        logger.LogInformation("Next of kin {@Kin}", kin); // leak TC1001 logging-objects
        try
        {
            var decision = await desk.TransferAsync(@case, kin, cancellationToken);
            logger.LogInformation("Decision {Decision}", decision); // clean logging-objects
            _transfers.Add(1, new KeyValuePair<string, object?>("step", decision.Step), new KeyValuePair<string, object?>("proof", decision.ProofAccepted)); // clean precision-about
            _transfers.Add(1, new KeyValuePair<string, object?>("agent", agentStaffId)); // leak TC1003 direct
            meter.CreateEstateCasesCounter().Add(1, "bereavement-north", decision.Step); // clean generated-api
            return decision;
        }
        catch (RelationshipNotProvenException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetEstateNote(ex.Message); // leak TC1001 generated-api
            return null;
        }
    }
}
