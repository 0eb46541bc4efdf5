using System;
using TelemetryConventions.Samples.Telemetry;

namespace TelemetryConventions.Samples.Scenarios.Education;

/// <summary>
/// 6.2 Learning analytics: a weekly engagement analysis per student and course; a low score raises
/// an alert for the student's tutor.
/// </summary>
/// <remarks>
/// The seed compared the score with a hard-coded 30. The threshold is a policy of the course, so the
/// alert event carries it next to the score it was compared with.
/// </remarks>
public sealed class LearningAnalytics : IScenario
{
    /// <summary>The engagement score below which the tutor is alerted.</summary>
    private const double EngagementThreshold = 30.0;

    private const string Course = "CS101-2025F";

    /// <inheritdoc/>
    public string Id => "6.2";

    /// <inheritdoc/>
    public string Name => "learning-analytics";

    /// <inheritdoc/>
    public string Industry => "education";

    /// <inheritdoc/>
    public string Summary => "Weekly engagement per student (logins, session length, posts, score); a score under the course's threshold raises a low-engagement alert.";

    /// <inheritdoc/>
    public void Run(ScenarioContext ctx)
    {
        // One disengaged student in four, deterministically the third.
        for (var i = 0; i < 4; i++)
        {
            Analyse(ctx, disengaged: i == 2);
            ctx.Clock.AdvanceSeconds(ctx.Between(0.5, 3));
        }
    }

    private static void Analyse(ScenarioContext ctx, bool disengaged)
    {
        var student = ctx.Pseudonymize(StudentAttributes.Id, $"STU-{ctx.Clock.Now.Year}-{ctx.Random.Next(10_000, 99_999)}");
        using var analysis = ctx.Source.StartAnalyticsEngagement(student, Course, startTime: ctx.Clock.Now);
        using var ends = ctx.Clock.EndsSpan(analysis.Activity);
        ctx.Clock.AdvanceSeconds(ctx.Between(0.2, 1.5));

        var logins = ScenarioContext.Round(disengaged ? ctx.Between(0.5, 1.5) : ctx.Between(3, 7));
        var sessionMinutes = ScenarioContext.Round(disengaged ? ctx.Between(4, 10) : ctx.Between(18, 45));
        var posts = disengaged ? 0 : ctx.Random.Next(1, 6);
        // A weighted score out of 100: logins, time on task and participation.
        var score = ScenarioContext.Round(Math.Min(100, (logins * 6) + (sessionMinutes * 0.9) + (posts * 5)));

        analysis.SetEngagementLoginFrequency(logins)
            .SetEngagementAverageSessionDuration(sessionMinutes)
            .SetEngagementDiscussionPosts(posts)
            .SetEngagementScore(score);
        if (score < EngagementThreshold)
        {
            // An alert is a warning log record with the event's name, under this span's trace; it does
            // not depend on the trace being sampled.
            ctx.Logger.LogEngagementLowEngagementEvent(AlertSeverity.Warning, score, EngagementThreshold);
        }
    }
}
