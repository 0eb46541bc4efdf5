namespace PrivacyHoldout72.Energy;

/// <summary>
/// <c>/api/outages?postcode=…</c> is proxied to the network operator's outage map. The operator wants
/// the outward district only; the app sends the full postcode and, when the customer reports an
/// outage, their callback phone number in <c>X-Callback-Phone</c>.
/// </summary>
public sealed class OutageQueryTransform(Pseudonymizer pseudonymizer, ILogger<OutageQueryTransform> logger) : RequestTransform
{
    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        var request = context.HttpContext.Request;
        var postcode = request.Query["postcode"] ?? string.Empty;
        var district = postcode.Split(' ')[0].ToUpperInvariant();
        var phone = request.Headers.TryGetValue("X-Callback-Phone", out var value) ? value : null;
        var accountNumber = context.HttpContext.User.FindFirst("account_number")?.Value;

        context.Query.Collection.Remove("postcode");
        context.Query.Collection["district"] = district;
        RemoveHeader(context, "X-Callback-Phone");

        var span = Activity.Current.EnrichAccountRequest("account-outages").SetAccountUpstream(AccountUpstream.Meters); // clean generated-api
        span.SetAccountNote("district " + district); // clean generated-api
        span.SetAccountOutcome(phone is null ? "lookup" : "report"); // clean generated-api
        logger.LogInformation("Outage lookup for {District}", district); // clean precision-about
        logger.LogInformation("Outage lookup for {Postcode}", postcode); // leak TC1001 direct

        if (phone is not null)
        {
            span.SetAccountNote($"callback requested on {phone}"); // leak TC1001 generated-api
            Activity.Current?.SetTag("account.callback.country", phone[..3]); // clean precision-about
            if (accountNumber is not null)
            {
                span.SetAccountCustomerId(pseudonymizer.PseudonymizeAccountCustomerId(accountNumber)); // clean precision-pseudonym
                Activity.Current?.SetTag(AccountAttributes.CustomerContact, pseudonymizer.PseudonymizeAccountCustomerId(accountNumber).Value); // leak TC1001 precision-pseudonym
            }
        }

        logger.LogDebug("Forwarding outage query {Query}", context.Query.QueryString); // clean strings
        return ValueTask.CompletedTask;
    }
}
