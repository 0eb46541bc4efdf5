using OpenFeature;
using OpenFeature.Model;

namespace PrivacyHoldout115.Retail;

/// <summary>
/// Evaluates the storefront's flags once per request, for a signed-in customer or an anonymous visitor
/// (the persistent visitor cookie), and hands them to the rendering layer and downstream services.
/// </summary>
public sealed class FlagEvaluationMiddleware(IFeatureClient flags, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<FlagEvaluationMiddleware> logger)
{
    private static readonly ActivitySource Source = new("Retail.Storefront.Flags");
    private static readonly string[] StorefrontFlags = ["new-search", "product-video", "buy-now-pay-later"];

    private string _visitorId = "";

    public async Task<IReadOnlyDictionary<string, bool>> InvokeAsync(HttpContextInfo http, CancellationToken ct)
    {
        _visitorId = http.RequestHeaders.TryGetValue("Cookie", out var cookie) ? ParseVisitor(cookie) : Guid.NewGuid().ToString("N");
        var customerNumber = http.User.SubjectId;
        var targetingKey = customerNumber ?? _visitorId;
        var context = EvaluationContext.Builder().SetTargetingKey(targetingKey).Set("signedIn", customerNumber is not null).Build();

        var results = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var flag in StorefrontFlags)
        {
            using var span = Source.StartShopflagEvaluate(flag);
            var details = await flags.GetBooleanDetailsAsync(flag, false, context, ct);
            results[flag] = details.Value;
            span.SetShopflagVariant(details.Variant ?? details.Value.ToString()).SetShopflagReason(details.Reason ?? Reason.Default); // clean generated-api
        }

        Activity.Current?.SetTag("storefront.flags", string.Join(",", results.Where(r => r.Value).Select(r => r.Key))); // clean strings
        Activity.Current?.SetTag("storefront.trace_id", http.TraceIdentifier); // clean direct
        Activity.Current?.SetTag("storefront.visitor", _visitorId); // leak TC1001 direct
        Activity.Current?.SetTag("storefront.signed_in", customerNumber is not null); // clean precision-about
        Activity.Current?.SetBaggage("flags.targeting_key", targetingKey); // leak TC1001 direct
        Activity.Current?.SetBaggage("flags.subject", pseudonymizer.ComputeShopflagSubjectId(targetingKey)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("flags.shard", KeyedBucket.Of(secrets.ShardKey, targetingKey, 32).ToString(CultureInfo.InvariantCulture)); // clean hashes
        Activity.Current?.SetBaggage("flags.visitor_hash", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(_visitorId)))); // leak TC1002 hashes
        LogFlags(results);
        return results;
    }

    private void LogFlags(IReadOnlyDictionary<string, bool> results)
    {
        logger.LogDebug("Flags {Flags} for visitor {Visitor}", results, _visitorId); // leak TC1001 cross-member
        logger.LogDebug("Flags {Flags}", results); // clean logging-objects
    }

    private static string ParseVisitor(string cookie) =>
        cookie.Split(';').Select(c => c.Trim()).FirstOrDefault(c => c.StartsWith("vid=", StringComparison.Ordinal))?[4..] ?? "";
}
