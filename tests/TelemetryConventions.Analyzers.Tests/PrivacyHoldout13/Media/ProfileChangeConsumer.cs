using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Mail;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using EventStore.Client;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Media;

/// <summary>
/// Follows the CDC topic of the accounts database's <c>viewing_profiles</c> table and keeps the
/// recommendations' watch-history streams (<c>watch-history-{subscriberId}</c>) in step.
/// </summary>
public sealed class ProfileChangeConsumer(EventStoreClient store, Pseudonymizer pseudonymizer, ILogger<ProfileChangeConsumer> logger)
{
    private static readonly ActivitySource Source = new("Stream.Profiles");

    public async Task HandleAsync(ConsumeResult<string, ChangeEnvelope<Dictionary<string, string?>>> result, CancellationToken ct)
    {
        var change = result.Message.Value;
        using var span = Source.StartPipelineConsume(result.Topic);
        var activity = Activity.Current;
        if (change.After is not { } after)
        {
            return;
        }

        var subscriberId = after["subscriber_id"]!;
        var email = after["contact_email"];
        using var scope = logger.BeginScope("Profile change for subscriber {SubscriberId}", subscriberId); // leak TC1001 logging-objects
        span.SetPipelineSubjectId(Pseudonym.FromComputed(subscriberId)); // leak TC1001 precision-pseudonym
        activity?.SetTag("profile.has_phone", !string.IsNullOrEmpty(after["phone"])); // clean precision-about
        activity?.SetTag("profile.name_length", after["profile_name"]?.Length ?? 0); // clean precision-about
        activity?.SetTag("profile.name", after["profile_name"]); // leak TC1001 direct
        activity?.SetTag("profile.kids", after["is_kids"] == "true"); // clean precision-about

        if (email is not null && change.Before?["contact_email"] != email)
        {
            logger.LogInformation("Contact email changed to {Email}", email); // leak TC1001 direct
            logger.LogInformation("Contact email now at {EmailDomain}", new MailAddress(email).Host); // clean precision-about
            activity?.SetTag(PipelineAttributes.SubjectContact, email); // leak TC1001 direct
        }

        var stream = $"watch-history-{subscriberId}";
        try
        {
            var data = new EventData(Uuid.NewUuid(), "ProfileRenamed", JsonSerializer.SerializeToUtf8Bytes(new { ProfileName = after["profile_name"] }));
            await store.AppendToStreamAsync(stream, StreamState.StreamExists, new[] { data }, ct);
        }
        catch (WrongExpectedVersionException ex)
        {
            logger.LogLedgerConflictEvent("watch-history", ex.ExpectedStreamRevision.ToInt64(), ex.Message); // leak TC1001 exceptions
        }
        catch (StreamNotFoundException)
        {
            logger.LogInformation("No watch history yet for profile {ProfileKey}", pseudonymizer.ComputePipelineSubjectId(subscriberId)); // clean precision-pseudonym
        }
    }
}
