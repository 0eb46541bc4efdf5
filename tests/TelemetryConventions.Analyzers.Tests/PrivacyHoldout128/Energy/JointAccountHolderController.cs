namespace PrivacyHoldout128.Energy;

public sealed record AddHolderForm(string CustomerId, string FullName, string Email, string Role);

public interface IAccountStore
{
    Task<IReadOnlyList<string>> HolderIdsAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task AddHolderAsync(string accountNumber, AddHolderForm holder, CancellationToken cancellationToken = default);
}

/// <summary>Adds a joint account holder or a third-party bill payer to a household's energy account.</summary>
[ApiController]
[Route("accounts/{accountNumber}/holders")]
public sealed class JointAccountHolderController(
    IAccountStore accounts,
    Pseudonymizer pseudonymizer,
    ILogger<JointAccountHolderController> logger) : ControllerBase
{
    private const int MaxHolders = 4;
    private static readonly ActivitySource Source = new("Supplier.Accounts");
    private static readonly Meter Meter = new("Supplier.Accounts");
    private static readonly HomeenergyHouseholdChangesCounter Changes = Meter.CreateHomeenergyHouseholdChangesCounter();
    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>("supplier.holders.refused");

    [HttpPost]
    public async Task<ActionResult> Add(string accountNumber, [FromBody] AddHolderForm form)
    {
        using var span = Source.StartHomeenergyHouseholdChange(form.Role);
        span.SetHomeenergyMemberId(pseudonymizer.PseudonymizeHomeenergyMemberId(accountNumber)); // clean precision-pseudonym
        span.SetHomeenergyDelegateId(pseudonymizer.PseudonymizeHomeenergyDelegateId(form.CustomerId)); // clean precision-pseudonym
        Activity.Current?.SetTag(HomeenergyAttributes.Contact, pseudonymizer.Compute("customer", form.Email)); // leak TC1001 precision-pseudonym

        var holders = await accounts.HolderIdsAsync(accountNumber);
        span.SetHomeenergyMemberCount(holders.Count + 1); // clean precision-about
        if (holders.Count >= MaxHolders)
        {
            Refusals.Add(1, new KeyValuePair<string, object?>("role", form.Role), new KeyValuePair<string, object?>("reason", "max-holders")); // clean precision-names
            logger.LogWarning("Account {AccountNumber} already has {Count} holders", accountNumber, holders.Count); // leak TC1001 direct
            span.SetHomeenergyOutcome("refused").SetHomeenergyNote($"already {holders.Count} holders"); // clean generated-api
            return new BadRequestResult("too many holders");
        }

        if (holders.Contains(form.CustomerId))
        {
            Refusals.Add(1, new KeyValuePair<string, object?>("customer", form.CustomerId)); // leak TC1003 direct
            return new BadRequestResult("already a holder");
        }

        await accounts.AddHolderAsync(accountNumber, form);
        logger.LogInformation("Holder added as {Role}: {Holder}", form.Role, form); // leak TC1001 logging-objects
        logger.LogInformation("Holder added as {Role}, {Count} holders now", form.Role, holders.Count + 1); // clean precision-about
        span.SetHomeenergyNote("added " + form.FullName + " as " + form.Role); // leak TC1001 generated-api
        Changes.Add(1, form.Role, "added"); // clean precision-names
        return new OkResult(null);
    }
}
