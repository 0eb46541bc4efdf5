namespace PrivacyHoldout107.Energy;

public interface IPreferenceTokens
{
    /// <summary>The account the random link token was issued to.</summary>
    Task<string?> AccountForAsync(string token, CancellationToken cancellationToken);
}

/// <summary>The customer preference centre: marketing email, SMS tips and the energy-saving newsletter.</summary>
public static class CustomerPreferenceCentre
{
    private static readonly ActivitySource Source = new("Supplier.Crm.Preferences");
    private static readonly Meter Meter = new("Supplier.Crm.Preferences");
    private static readonly Counter<long> Changes = Meter.CreateCounter<long>("enrcrm.preference.changes");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/preferences", UpdateAsync);

    public static async Task<ActionResult> UpdateAsync(
        PreferenceUpdate update,
        IPreferenceTokens tokens,
        ICrmServiceClient crm,
        Pseudonymizer pseudonymizer,
        CrmSyncOptions options,
        ILogger<PreferenceUpdate> logger,
        CancellationToken cancellationToken)
    {
        using var span = Source.StartEnrcrmSend("preference-centre");
        span.SetEnrcrmConsentPurpose(update.Topic); // clean precision-names
        span.SetEnrcrmChannel(update.Channel); // clean precision-names
        logger.LogInformation("Preference update {Update}", update); // leak TC1001 logging-objects
        logger.LogInformation("Preference link {Link}", $"{options.PreferenceCentreBaseUrl}/p/{update.Token}"); // leak TC1001 strings
        logger.LogDebug("Preference token prefix {Prefix} of length {Length}", update.Token[..4], update.Token.Length); // clean precision-about

        var account = await tokens.AccountForAsync(update.Token, cancellationToken);
        if (account is null)
        {
            var rejected = new PreferenceTokenException("expired");
            span.RecordException(rejected, includeMessage: true); // clean exceptions
            logger.LogWarning(rejected, "Preference token rejected for topic {Topic}", update.Topic); // clean exceptions
            return NotFoundResult();
        }

        span.SetEnrcrmCustomerId(pseudonymizer.PseudonymizeEnrcrmCustomerId(account)); // clean precision-pseudonym
        var query = new QueryExpression("contact") { TopCount = 1 };
        query.Criteria.Add(new ConditionExpression("enr_accountnumber", "eq", account));
        logger.LogDebug("Looking up contact with {Condition}", query.Criteria[0]); // leak TC1001 logging-objects
        logger.LogDebug("Looking up {Table} on {Columns}", query.EntityName, string.Join(",", query.Criteria.Select(c => c.AttributeName))); // clean precision-names
        var found = await crm.RetrieveMultipleAsync(query, cancellationToken);
        var contact = found.Entities.Single();
        contact[update.Channel == "sms" ? "donotsms" : "donotbulkemail"] = !update.OptedIn;
        await crm.UpdateAsync(contact, cancellationToken);

        Changes.Add(1, new TagList { { "topic", update.Topic }, { "channel", update.Channel }, { "opted_in", update.OptedIn } }); // clean precision-about
        Changes.Add(1, new TagList { { "account", pseudonymizer.ComputeEnrcrmCustomerId(account) } }); // leak TC1003 precision-pseudonym
        span.Activity?.AddEvent(new ActivityEvent("preference.saved", tags: new ActivityTagsCollection { ["account"] = account })); // leak TC1001 direct
        span.Activity?.AddEvent(new ActivityEvent("preference.saved", tags: new ActivityTagsCollection { ["contact.email"] = contact.GetAttributeValue<string>("emailaddress1") })); // leak TC1001 cross-member
        return new OkResult(null);
    }

    private static ActionResult NotFoundResult() => new NotFoundResult("token");
}
