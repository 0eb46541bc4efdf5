using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout47.Support;
using PrivacyHoldout47.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout47.Education;

// A tutoring marketplace: self-employed tutors list subjects, parents book lessons for their children,
// and messages between the two are relayed through masked addresses.

public sealed record TutorListing(string ListingId, Guid TutorId, string TutorDisplayName, string Subject, string Level, decimal HourlyRate);

public sealed record LessonRequest(Guid ParentAccountId, string ParentEmail, string LearnerFirstName, int LearnerAge, string Subject, string Level, string Message);

public sealed record TutorMessage(string ThreadId, Guid SenderId, string SenderRelayAddress, string RecipientEmail, string Body);

public interface ITutorSearch
{
    Task<IReadOnlyList<TutorListing>> FindAsync(string subject, string level, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/lesson-requests")]
public sealed class LessonRequestsController(ITutorSearch search, ILogger<LessonRequestsController> logger, Pseudonymizer pseudonymizer) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult> Create([FromBody] LessonRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("lesson.subject", request.Subject); // clean precision-about
        activity?.SetTag("lesson.learner.age", request.LearnerAge); // clean precision-about
        activity?.SetTag("lesson.parent", request.ParentAccountId); // leak TC1001 direct
        activity?.SetTag("lesson.learner", request.LearnerFirstName); // leak TC1001 direct
        activity?.SetBaggage("parent.ref", pseudonymizer.ComputeMarketPartyId(request.ParentAccountId.ToString())); // clean precision-pseudonym

        var matches = await search.FindAsync(request.Subject, request.Level, cancellationToken);
        activity?.SetTag("lesson.matches", matches.Count); // clean precision-about
        activity?.SetTag("lesson.match.listings", string.Join(",", matches.Select(m => m.ListingId))); // clean precision-about
        logger.LogInformation("Tutors offered: {Tutors}", matches.Select(m => m.TutorDisplayName).ToList()); // leak TC1001 logging-objects
        logger.LogDebug("Request from {ParentEmail} for {Subject}", request.ParentEmail, request.Subject); // leak TC1001 direct
        logger.LogDebug("Request message has {Length} characters", request.Message.Length); // clean precision-about

        if (matches.Count == 0)
        {
            logger.LogInformation("No tutor for {Subject} at {Level}: {Request}", request.Subject, request.Level, request); // leak TC1001 logging-objects
            return NotFound("no tutors");
        }

        return Ok(matches);
    }
}

public sealed class TutorMessageRelay(IMessageRelay relay, ILogger<TutorMessageRelay> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Marketplace.Tutoring.Messages");

    public async Task ForwardAsync(TutorMessage message, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("tutoring.message.relay");
        activity?.SetTag("message.thread.id", message.ThreadId); // clean precision-about
        activity?.SetTag("message.sender", pseudonymizer.Pseudonymize("tutoring.account", message.SenderId.ToString())); // clean precision-pseudonym
        activity?.SetTag("message.relay_address", message.SenderRelayAddress); // leak TC1001 direct
        activity?.SetTag("message.body.length", message.Body.Length); // clean precision-about

        var receipt = await relay.RelayAsync(message.SenderRelayAddress, message.RecipientEmail, message.Body, cancellationToken);
        activity?.SetTag("message.relay.id", receipt.RelayMessageId); // clean precision-about

        if (!receipt.Delivered)
        {
            logger.LogWarning("Relay to {Recipient} failed after {Attempts} attempts", message.RecipientEmail, receipt.Attempts); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("message.undelivered", tags: new ActivityTagsCollection { ["preview"] = message.Body[..Math.Min(40, message.Body.Length)] })); // leak TC1001 strings
            logger.LogWarning("Relay failed on thread {ThreadId} after {Attempts} attempts", message.ThreadId, receipt.Attempts); // clean precision-about
        }
    }
}
