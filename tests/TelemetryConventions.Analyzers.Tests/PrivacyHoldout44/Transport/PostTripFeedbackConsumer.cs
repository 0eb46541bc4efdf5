using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Transport;

/// <summary>
/// A survey answer after a rail journey, published on <c>feedback.journeys</c>. The topic is keyed by the
/// customer's account id, so that one customer's answers stay in order.
/// </summary>
public sealed record JourneyFeedback(
    string AccountId,
    string BookingReference,
    string Origin,
    string Destination,
    string CoachAndSeat,
    int NetPromoterScore,
    string? Comment,
    bool DelayRepayClaimed,
    string? ContactPhone);

public sealed class PostTripFeedbackConsumer(
    IConsumer<string, string> consumer,
    Pseudonymizer pseudonymizer,
    ILogger<PostTripFeedbackConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Rail.Feedback");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var links = new[] { new ActivityLink(default, new ActivityTagsCollection { ["feedback.account"] = result.Message.Key }) }; // leak TC1001 direct
            using var activity = Source.StartActivity("feedback.journey", ActivityKind.Consumer, default(ActivityContext), links: links);
            activity?.SetTag("messaging.kafka.partition", result.Partition);

            JourneyFeedback? feedback;
            try
            {
                feedback = JsonSerializer.Deserialize<JourneyFeedback>(result.Message.Value);
            }
            catch (JsonException ex)
            {
                logger.LogWarning(ex, "Unreadable feedback at offset {Offset}", result.Offset); // clean exceptions
                consumer.Commit(result);
                continue;
            }

            if (feedback is not null)
            {
                Handle(feedback, activity);
            }

            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }

    private void Handle(JourneyFeedback feedback, Activity? activity)
    {
        activity?.SetTag("feedback.route", $"{feedback.Origin}-{feedback.Destination}"); // clean precision-names
        activity?.SetTag("feedback.booking", feedback.BookingReference);
        activity?.SetTag("feedback.seat", feedback.CoachAndSeat); // clean precision-names
        activity?.SetTag("feedback.nps", feedback.NetPromoterScore);
        activity?.SetTag("feedback.delay_repay", feedback.DelayRepayClaimed);
        logger.LogVenueFeedbackReceivedEvent(feedback.BookingReference, venueAttendeeId: pseudonymizer.PseudonymizeVenueAttendeeId(feedback.AccountId)); // clean precision-pseudonym

        if (feedback.NetPromoterScore <= 6)
        {
            logger.LogInformation("Detractor {Feedback}", feedback); // leak TC1001 logging-objects
            if (feedback.ContactPhone is { } phone)
            {
                logger.LogInformation("Customer relations to call back {Phone} about {Booking}", phone, feedback.BookingReference); // leak TC1001 direct
                activity?.SetTag("feedback.callback_country", phone[..3]); // clean precision-about
            }
        }

        if (feedback.Comment is { Length: > 0 } comment)
        {
            activity?.SetTag("feedback.comment", comment.Length > 200 ? comment[..200] : comment); // leak TC1001 strings
        }
    }
}
