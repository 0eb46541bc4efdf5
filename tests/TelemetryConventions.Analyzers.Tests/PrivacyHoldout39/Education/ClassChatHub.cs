using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Education;

// The learning platform's class chat. Students sign in with their student number as the account id;
// teachers can mute a student for the rest of a lesson, and students can report a message to the
// teacher and the safeguarding lead.

public sealed record ChatLine(string ClassId, string StudentNumber, string DisplayName, string Text, DateTimeOffset SentAt);

public sealed record MuteCommand(string ClassId, string StudentNumber, TimeSpan Duration, string ReasonCode, string? TeacherComment);

public interface IClassRoster
{
    Task<string?> DisplayNameAsync(string classId, string studentNumber, CancellationToken cancellationToken);

    Task<bool> IsTeacherAsync(string classId, string accountId, CancellationToken cancellationToken);
}

/// <summary>Students muted per class, kept in memory on the node that hosts the class.</summary>
public sealed class MuteRegistry
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, DateTimeOffset>> _muted = new();

    public void Mute(string classId, string studentNumber, DateTimeOffset until) =>
        _muted.GetOrAdd(classId, _ => new()).AddOrUpdate(studentNumber, until, (_, _) => until);

    public bool IsMuted(string classId, string studentNumber) =>
        _muted.TryGetValue(classId, out var students) && students.TryGetValue(studentNumber, out var until) && until > DateTimeOffset.UtcNow;

    public IReadOnlyCollection<string> MutedIn(string classId) =>
        _muted.TryGetValue(classId, out var students) ? students.Keys.ToList() : Array.Empty<string>();
}

public sealed class ClassChatHub(
    IClassRoster roster,
    MuteRegistry mutes,
    IToxicityClassifier classifier,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ClassChatHub> logger) : Hub
{
    private static readonly ActivitySource Source = new("Learning.ClassChat");
    private readonly Counter<long> _messages = meter.CreateCounter<long>("class_chat.messages");

    private string StudentNumber => Context.UserIdentifier!;

    public async Task JoinClass(string classId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, $"class-{classId}");
        logger.LogInformation("Connection {ConnectionId} joined class {ClassId}", Context.ConnectionId, classId); // clean precision-about
    }

    public async Task Send(string classId, string text)
    {
        using var activity = Source.StartActivity("class_chat.send");
        if (mutes.IsMuted(classId, StudentNumber))
        {
            activity?.SetTag("class_chat.muted_sender", StudentNumber); // leak TC1001 cross-member
            throw new HubException("You are muted for the rest of this lesson.");
        }

        var verdict = await classifier.ClassifyAsync(text, "en-GB");
        activity?.SetTag("class_chat.verdict", verdict.Label); // clean precision-about
        activity?.SetTag("class_chat.score", verdict.Score); // clean precision-about
        _messages.Add(1, new KeyValuePair<string, object?>("class", classId), new KeyValuePair<string, object?>("verdict", verdict.Label)); // clean precision-about

        if (verdict.Label is "bullying" or "threat")
        {
            activity?.AddEvent(new ActivityEvent("class_chat.flagged", tags: new ActivityTagsCollection { ["text"] = text })); // leak TC1001 direct
            logger.LogWarning("Message flagged as {Label} in class {ClassId}, matched {MatchCount} terms", verdict.Label, classId, verdict.MatchedTerms.Count); // clean precision-about
        }

        var name = await roster.DisplayNameAsync(classId, StudentNumber, CancellationToken.None) ?? "Student";
        var line = new ChatLine(classId, StudentNumber, name, text, DateTimeOffset.UtcNow);
        await Clients.Group($"class-{classId}").SendAsync("line", line);
        logger.LogDebug("Delivered {Line}", line); // leak TC1001 logging-objects
    }

    public async Task Mute(MuteCommand command)
    {
        if (!await roster.IsTeacherAsync(command.ClassId, Context.UserIdentifier!, CancellationToken.None))
        {
            throw new HubException("Only the class teacher can mute.");
        }

        mutes.Mute(command.ClassId, command.StudentNumber, DateTimeOffset.UtcNow + command.Duration);
        using var review = Source.StartModerationReview("class-chat");
        review.SetModerationSubjectId(pseudonymizer.PseudonymizeModerationSubjectId(command.StudentNumber)); // clean precision-pseudonym
        review.AddModerationActionTakenEvent("mute", moderationNote: $"{command.ReasonCode} for {command.Duration.TotalMinutes:0} min"); // clean strings
        if (command.TeacherComment is not null)
        {
            review.SetModerationNote(command.TeacherComment); // leak TC1001 generated-api
        }
        logger.LogInformation("Teacher {TeacherAccount} muted a student in {ClassId}", Context.UserIdentifier, command.ClassId); // leak TC1001 direct
        logger.LogInformation("Class {ClassId} now has {MutedCount} muted", command.ClassId, mutes.MutedIn(command.ClassId).Count); // clean precision-about
        logger.LogDebug("Muted in {ClassId}: {Muted}", command.ClassId, mutes.MutedIn(command.ClassId)); // leak TC1001 logging-objects
    }
}
