namespace PrivacyHoldout90.Education;

public sealed record HomeworkSet(string HomeworkId, string ClassCode, string Subject, string Title, DateOnly Due, string TeacherStaffId, string TeacherName);

/// <summary>A pupil on a class list, with the guardian accounts linked to them. Prints its members.</summary>
public sealed record RosterEntry(string StudentNumber, string StudentAccountId, string PreferredName, IReadOnlyList<string> GuardianAccountIds);

public interface IClassRoster
{
    Task<IReadOnlyList<RosterEntry>> ForClassAsync(string classCode, CancellationToken cancellationToken);
}

/// <summary>
/// Fans a homework task out to every pupil of the class (in-app, and one push to the class topic their
/// devices are subscribed to) and to the guardians linked to each pupil.
/// </summary>
public sealed class HomeworkFanout(
    IClassRoster roster,
    INotificationStore inbox,
    IFirebaseMessaging fcm,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<HomeworkFanout> logger)
{
    private const string Verb = "homework.set";

    private static readonly NotificationTemplate GuardianTemplate =
        new("homework-guardian-v2", "New homework", "{{pupil}} has new {{subject}} homework due {{due}}");

    private static readonly Action<ILogger, string, int, int, Exception?> LogFannedOut =
        LoggerMessage.Define<string, int, int>(LogLevel.Information, new EventId(5201, "HomeworkFannedOut"), "Homework {HomeworkId} fanned out to {Students} pupils and {Guardians} guardians");

    private static readonly Action<ILogger, string, string, Exception?> LogNoGuardian =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(5202, "NoGuardianLinked"), "Pupil {StudentNumber} in {ClassCode} has no guardian linked");

    public async Task OnHomeworkSetAsync(HomeworkSet set, CancellationToken cancellationToken)
    {
        using var span = source.StartSchoolnotifyNotify(Verb, "in_app");
        span.SetSchoolnotifyActorId(pseudonymizer.PseudonymizeSchoolnotifyActorId(set.TeacherStaffId)); // clean precision-pseudonym
        var topic = $"class-{set.ClassCode}";
        span.SetSchoolnotifyTopic(topic); // clean precision-names

        var pupils = await roster.ForClassAsync(set.ClassCode, cancellationToken);
        var text = $"{set.Subject}: '{set.Title}' is due {set.Due:ddd d MMM}";
        span.Activity?.SetTag("schoolnotify.preview", text); // clean strings

        var guardians = 0;
        foreach (var pupil in pupils)
        {
            await inbox.InsertAsync(new NotificationRecord(NotificationIds.New(), pupil.StudentAccountId, set.TeacherStaffId, Verb, "homework", set.HomeworkId, text, DateTimeOffset.UtcNow), cancellationToken);
            if (pupil.GuardianAccountIds.Count == 0)
            {
                LogNoGuardian(logger, pupil.StudentNumber, set.ClassCode, null); // leak TC1001 direct
                continue;
            }

            var values = new Dictionary<string, string>
            {
                ["pupil"] = pupil.PreferredName,
                ["subject"] = set.Subject,
                ["due"] = set.Due.ToString("ddd d MMM", CultureInfo.InvariantCulture),
            };
            string guardianText;
            try
            {
                guardianText = RenderOrThrow(GuardianTemplate, values);
            }
            catch (TemplateRenderException ex)
            {
                logger.LogWarning(ex, "Guardian template {TemplateId} incomplete", GuardianTemplate.Id); // clean exceptions
                logger.LogDebug("Template values were {Values}", values); // leak TC1001 logging-objects
                continue;
            }
            foreach (var guardianAccountId in pupil.GuardianAccountIds)
            {
                await inbox.InsertAsync(new NotificationRecord(NotificationIds.New(), guardianAccountId, set.TeacherStaffId, Verb, "homework", set.HomeworkId, guardianText, DateTimeOffset.UtcNow), cancellationToken);
                guardians++;
            }
            span.Activity?.AddEvent(new ActivityEvent("guardians.notified", tags: new ActivityTagsCollection { ["text"] = guardianText, ["count"] = pupil.GuardianAccountIds.Count })); // leak TC1001 strings
        }

        span.SetSchoolnotifyRecipientsCount(pupils.Count + guardians); // clean precision-about
        span.SetSchoolnotifyTemplate(GuardianTemplate.Id); // clean precision-names
        LogFannedOut(logger, set.HomeworkId, pupils.Count, guardians, null); // clean precision-about

        var push = new Message
        {
            Topic = topic,
            Notification = new Notification { Title = "New homework", Body = text },
            Android = new AndroidConfig { CollapseKey = CollapseKeys.For(Verb, set.ClassCode) },
        };
        var messageId = await fcm.SendAsync(push, cancellationToken);
        logger.LogDebug("Topic push {MessageId} sent to {Topic}", messageId, topic); // clean precision-names
        meter.CreateSchoolnotifyFanoutRecipientsHistogram().Record(pupils.Count + guardians, Verb);
    }

    private static string RenderOrThrow(NotificationTemplate template, IReadOnlyDictionary<string, string> values)
    {
        var text = TemplateRenderer.Render(template.Body, values);
        var hole = text.IndexOf("{{", StringComparison.Ordinal);
        return hole < 0 ? text : throw new TemplateRenderException(template.Id, text[(hole + 2)..text.IndexOf("}}", hole, StringComparison.Ordinal)]);
    }

    /// <summary>When a pupil joins a class, the app subscribes their devices to the class topic.</summary>
    public async Task SubscribeAsync(string classCode, RosterEntry pupil, IReadOnlyList<string> tokens, CancellationToken cancellationToken)
    {
        var response = await fcm.SubscribeToTopicAsync(tokens, $"class-{classCode}");
        foreach (var error in response.Errors)
        {
            logger.LogWarning("Device token {Token} of pupil {StudentNumber} not subscribed to class-{ClassCode}: {Reason}", tokens[error.Index], pupil.StudentNumber, classCode, error.Reason); // leak TC1001 direct
        }
        Activity.Current?.SetTag("schoolnotify.topic.failures", response.FailureCount); // clean precision-about
        Activity.Current?.SetTag("schoolnotify.pupil", pupil); // leak TC1001 logging-objects
    }
}
