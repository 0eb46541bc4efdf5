using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout47.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout47.Media;

// Fans commission personalised video messages from talent (presenters, voice actors, creators) who
// set their own price; the platform takes a commission.

public sealed record TalentProfile(Guid TalentId, string Handle, string Category, decimal Price, int TurnaroundDays);

public sealed record ShoutoutOrder(string OrderId, Guid TalentId, Guid FanAccountId, string FanEmail, string RecipientName, string Occasion, string Instructions, bool IsGift);

public sealed record DeliveredVideo(string OrderId, string VideoId, TimeSpan Duration, string DownloadUrl);

public interface ITalentCatalogue
{
    Task<TalentProfile?> GetAsync(Guid talentId, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/shoutouts")]
public sealed class ShoutoutController(ITalentCatalogue catalogue, ILogger<ShoutoutController> logger, Pseudonymizer pseudonymizer, Meter meter) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult> Order([FromBody] ShoutoutOrder order, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("shoutout.order.id", order.OrderId); // clean precision-about
        activity?.SetTag("shoutout.occasion", order.Occasion); // clean precision-about
        activity?.SetTag("shoutout.is_gift", order.IsGift); // clean precision-about
        activity?.SetTag("shoutout.recipient", order.RecipientName); // leak TC1001 direct
        activity?.SetTag("shoutout.instructions", order.Instructions); // leak TC1001 strings
        activity?.SetTag("shoutout.instructions.words", order.Instructions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        activity?.SetTag("shoutout.fan", pseudonymizer.PseudonymizeMarketPartyId(order.FanAccountId.ToString())); // clean precision-pseudonym
        activity?.SetTag(MarketAttributes.PartyContact, pseudonymizer.Pseudonymize("shoutout.fan.email", order.FanEmail)); // leak TC1001 precision-pseudonym

        var talent = await catalogue.GetAsync(order.TalentId, cancellationToken);
        if (talent is null)
        {
            logger.LogWarning("Talent missing for order {OrderId}", order.OrderId); // clean precision-about
            return NotFound();
        }

        activity?.SetTag("shoutout.talent.handle", talent.Handle); // leak TC1001 cross-member
        activity?.SetTag("shoutout.talent.category", talent.Category); // clean precision-about
        meter.CreateMarketBookingsCounter().Add(1, marketVertical: "shoutouts", marketOutcome: talent.Category); // clean precision-about
        meter.CreateCounter<long>("shoutout.orders").Add(1, new KeyValuePair<string, object?>("talent", pseudonymizer.ComputeMarketPartyId(talent.TalentId.ToString()))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Order {OrderId} for {Handle}, due in {Days} days", order.OrderId, talent.Handle, talent.TurnaroundDays); // leak TC1001 direct
        return Ok(order.OrderId);
    }
}

public sealed class VideoDeliveryNotifier(ILogger<VideoDeliveryNotifier> logger)
{
    public void Delivered(ShoutoutOrder order, DeliveredVideo video)
    {
        logger.LogInformation("Video {VideoId} delivered for order {OrderId} ({Seconds}s)", video.VideoId, video.OrderId, video.Duration.TotalSeconds); // clean precision-about
        logger.LogInformation("Download link sent: {Url}", video.DownloadUrl); // leak TC1001 direct
        logger.LogInformation("Download link host {Host}", new Uri(video.DownloadUrl).Host); // clean precision-about
        logger.LogInformation("Delivered to {FanEmail}", order.FanEmail); // leak TC1001 cross-member
    }
}
