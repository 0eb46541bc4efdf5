namespace PrivacyHoldout138.Media;

public sealed record ArticleRequest(string ArticleId, string Section, string VisitorCookie, string? AccountId, string? Referrer);

public sealed class PaywallAccessHandler(IEntitlementClient entitlements, Pseudonymizer pseudonymizer, ILogger<PaywallAccessHandler> logger)
{
    private static readonly ActivitySource Source = new("Publisher.Paywall");
    private static readonly Meter PaywallMeter = new("Publisher.Paywall");
    private static readonly Counter<long> Decisions = PaywallMeter.CreateCounter<long>("paywall.decisions", "{decision}");
    private static readonly Histogram<int> MeterViews = PaywallMeter.CreateHistogram<int>("paywall.meter.views", "{view}");

    public async Task<AccessDecision> DecideAsync(ArticleRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("paywall.decide");
        activity?.SetTag("paywall.article", request.ArticleId); // clean precision-names
        activity?.SetTag("paywall.signed_in", request.AccountId is not null); // clean precision-about
        activity?.SetTag("paywall.referrer.host", request.Referrer is null ? null : new Uri(request.Referrer).Host); // clean precision-about

        if (request.AccountId is { } accountId)
        {
            activity?.SetTag("paywall.subscriber", pseudonymizer.Pseudonymize("subscriber", accountId).Value); // clean precision-pseudonym
            var subscription = await entitlements.ActiveSubscriptionAsync(accountId, cancellationToken);
            if (subscription is not null)
            {
                logger.LogDebug("Subscription {Subscription}", subscription); // leak TC1001 logging-objects
                logger.LogDebug("Term {TermId} renews {RenewsAt}", subscription.TermId, subscription.RenewsAt); // clean precision-names
                Decisions.Add(1, new TagList { { "reason", "subscriber" }, { "term", subscription.TermId } }); // clean precision-names
                return new AccessDecision(request.ArticleId, true, "subscriber", subscription.TermId);
            }

            try
            {
                throw new EntitlementException(accountId, request.ArticleId);
            }
            catch (EntitlementException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                logger.LogInformation(ex, "Lapsed account hit the wall on {ResourceId}", ex.ResourceId); // leak TC1001 exceptions
                Activity.Current?.SetBaggage("paywall.lapsed", accountId); // leak TC1001 direct
            }
        }

        var meter = await entitlements.IncrementAsync(request.VisitorCookie, request.ArticleId, cancellationToken);
        MeterViews.Record(meter.Views, new KeyValuePair<string, object?>("section", request.Section)); // clean precision-about
        MeterViews.Record(meter.Views, new KeyValuePair<string, object?>("visitor", meter.VisitorId)); // leak TC1003 direct
        logger.LogInformation("Meter {Meter}", meter); // leak TC1001 logging-objects
        logger.LogInformation("Meter at {Views}/{Limit} for {Period}", meter.Views, meter.Limit, meter.Period); // clean precision-about

        var granted = meter.Views <= meter.Limit;
        var decision = new AccessDecision(request.ArticleId, granted, granted ? "metered" : "wall", null);
        logger.LogInformation("Decision {Decision}", decision); // clean logging-objects
        Decisions.Add(1, new KeyValuePair<string, object?>("reason", decision.Reason)); // clean precision-names
        return decision;
    }
}
