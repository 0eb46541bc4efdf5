using Segment;
using Segment.Model;

namespace PrivacyHoldout105.Retail;

/// <summary>
/// The storefront's first-party tracking pixel (<c>/t.gif?ev=…&amp;sku=…&amp;uid=…</c>): the browser's anonymous id is
/// the <c>ajs_anonymous_id</c> cookie, <c>uid</c> the signed-in customer's number. Calls are forwarded to the
/// analytics warehouse through the Segment client, with the page, IP and user agent in the context.
/// </summary>
[ApiController]
[Route("t.gif")]
public sealed class StorefrontTrackingController(
    IAnalyticsClient analytics,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<StorefrontTrackingController> logger) : ControllerBase
{
    private readonly Counter<int> _productViews = meter.CreateCounter<int>("shop.product.views", "{view}");

    [HttpGet]
    public ActionResult Track(CollectorRequest request)
    {
        var activity = Activity.Current;
        var query = UrlParts.ParseQuery(request.QueryString);
        var eventName = query.GetValueOrDefault("ev") ?? "page";
        var anonymousId = request.Cookies.TryGetValue("ajs_anonymous_id", out var cookie) ? cookie : Guid.NewGuid().ToString();
        activity?.SetTag("shop.anonymous_id", anonymousId); // leak TC1001 direct
        activity?.SetTag("shop.event", eventName); // clean precision-about
        logger.LogDebug("Pixel hit {QueryString}", request.QueryString); // leak TC1001 strings
        logger.LogDebug("Pixel hit with parameters {Keys}", string.Join(",", query.Keys)); // clean precision-names

        var span = activity.EnrichShopclickCollect(eventName);
        var customerNumber = query.GetValueOrDefault("uid");
        if (customerNumber is not null)
        {
            span.SetShopclickCustomerId(pseudonymizer.PseudonymizeShopclickCustomerId(customerNumber)); // clean precision-pseudonym
        }

        var context = new Context { ["ip"] = request.RemoteIp, ["userAgent"] = request.UserAgent, ["page"] = new Dictionary<string, object?> { ["url"] = query.GetValueOrDefault("url") } };
        var properties = new Properties { ["sku"] = query.GetValueOrDefault("sku"), ["price"] = query.GetValueOrDefault("price") };
        analytics.Track(customerNumber ?? anonymousId, eventName, properties, new Options().SetAnonymousId(anonymousId).SetContext(context));
        logger.LogDebug("Track context {Context}", context); // leak TC1001 logging-objects
        logger.LogDebug("Track properties {Properties}", properties); // clean logging-objects
        logger.LogInformation("Analytics queue {Submitted} submitted, {Failed} failed", analytics.Statistics.Submitted, analytics.Statistics.Failed); // clean precision-about

        if (query.TryGetValue("sku", out var sku))
        {
            _productViews.Add(1, new KeyValuePair<string, object?>("sku", sku)); // clean precision-names
            _productViews.Add(1, new KeyValuePair<string, object?>("visitor", anonymousId)); // leak TC1003 direct
        }
        meter.CreateShopclickEventsCounter().Add(1, eventName, shopclickOutcome: "tracked"); // clean generated-api
        return Ok();
    }
}
