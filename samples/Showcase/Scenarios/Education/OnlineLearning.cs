using System;
using System.Diagnostics;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Education;

/// <summary>
/// 6.1 Online learning platform: students' study sessions advance their course progress, crossing
/// milestones and completing a course; one progress update fails to reach the LMS.
/// </summary>
/// <remarks>
/// Student records are protected by FERPA: <c>student.id</c> is a keyed pseudonym, and the seed's
/// one event per milestone (<c>milestone_50_percent</c>) is one <c>learning.milestone_reached</c>
/// event with the milestone as a value. Education has no metrics on purpose: every figure is about
/// one student, and a per-course aggregate of a small class singles a student out again.
/// </remarks>
public sealed class OnlineLearning : IScenario
{
    private static readonly long[] Milestones = [25, 50, 75];

    private static readonly (string Course, double From, double To, bool SyncFails)[] Sessions =
    [
        ("CS101-2025F", 38, 57, false),
        ("DS210-2025F", 71, 100, false),
        ("MATH150-2025F", 12, 20, true),
    ];

    /// <inheritdoc/>
    public string Id => "6.1";

    /// <inheritdoc/>
    public string Name => "online-learning-platform";

    /// <inheritdoc/>
    public string Industry => "education";

    /// <inheritdoc/>
    public string Summary => "Study sessions advance course progress under pseudonymised student ids, with milestone and completion events; one LMS update fails.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        foreach (var session in Sessions)
        {
            Study(ctx, session);
            ctx.Clock.Advance(TimeSpan.FromMinutes(ctx.Between(5, 30)));
        }
    }

    private static void Study(ScenarioContext ctx, (string Course, double From, double To, bool SyncFails) session)
    {
        var student = ctx.Pseudonymize(StudentAttributes.Id, $"STU-{ctx.Clock.Now.Year}-{ctx.Random.Next(10_000, 99_999)}");
        using var progress = ctx.Source.StartLearningCourseProgress(student, session.Course, startTime: ctx.Clock.Now);
        using var ends = ctx.Clock.EndsSpan(progress.Activity);

        var minutes = ScenarioContext.Round(ctx.Between(25, 90), 0);
        ctx.Clock.Advance(TimeSpan.FromMinutes(minutes));
        try
        {
            SaveProgress(session.SyncFails);
        }
        catch (LmsUnavailableException ex)
        {
            progress.RecordException(ex, "progress not saved to the LMS");
            return;
        }

        progress.SetLearningTotalTime(ScenarioContext.Round(ctx.Between(200, 900), 0) + minutes)
            .SetLearningVideosWatched(ctx.Random.Next(4, 30))
            .SetLearningQuizzesCompleted(ctx.Random.Next(0, 8))
            .SetLearningProgress(session.To);
        foreach (var milestone in Milestones)
        {
            if (session.From < milestone && session.To >= milestone)
            {
                progress.AddLearningMilestoneReachedEvent(milestone, ctx.Clock.Now);
            }
        }
        if (session.To >= 100)
        {
            progress.AddLearningCourseCompletedEvent(ctx.Clock.Now);
        }
    }

    private static void SaveProgress(bool fails)
    {
        if (fails)
        {
            throw new LmsUnavailableException("LTI grade passback returned 503.");
        }
    }
}

/// <summary>The learning management system did not accept an update.</summary>
public sealed class LmsUnavailableException(string message) : Exception(message);
