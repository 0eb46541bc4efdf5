using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Gaming;

/// <summary>A review written by a developer's lead in the studio's review cycle.</summary>
public sealed record PerformanceReview(
    string ReviewId,
    string CycleId,
    string EmployeeNumber,
    string ReviewerEmail,
    string Discipline,
    int Rating,
    string Strengths,
    string DevelopmentAreas);

/// <summary>A calibration change: the panel moves a rating up or down.</summary>
public sealed record CalibrationChange(string ReviewId, string EmployeeNumber, int From, int To, string Reason);

public interface IReviewStore
{
    Task<IReadOnlyList<PerformanceReview>> ForCycleAsync(string cycleId, string discipline, CancellationToken cancellationToken);

    Task SaveAsync(PerformanceReview review, CancellationToken cancellationToken);

    Task ApplyAsync(CalibrationChange change, CancellationToken cancellationToken);
}

/// <summary>The studio's review cycle: submitting reviews and the calibration panels per discipline.</summary>
public sealed class PerformanceReviewService(IReviewStore store, Pseudonymizer pseudonymizer, ILogger<PerformanceReviewService> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Studio.People.Reviews");
    private readonly Histogram<int> _ratings = meter.CreateHistogram<int>("people.review.rating");

    public async Task SubmitAsync(PerformanceReview review, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("review.submit");
        activity?.SetTag("review.id", review.ReviewId); // clean precision-names
        activity?.SetTag("review.cycle", review.CycleId); // clean precision-names
        activity?.SetTag("review.rating", review.Rating); // clean precision-about
        activity?.SetTag("review.reviewer", review.ReviewerEmail); // leak TC1001 direct
        activity?.SetTag("review.employee_ref", pseudonymizer.ComputeWorkforceEmployeeId(review.EmployeeNumber)); // clean precision-pseudonym

        if (review.Strengths.Length < 50)
        {
            activity?.AddEvent(new ActivityEvent("review.too_short", tags: new ActivityTagsCollection { ["strengths"] = review.Strengths })); // leak TC1001 direct
        }

        await store.SaveAsync(review, cancellationToken);
        _ratings.Record(review.Rating, new KeyValuePair<string, object?>("discipline", review.Discipline)); // clean precision-names
        logger.LogInformation("Review saved {Review}", review); // leak TC1001 logging-objects
    }

    public async Task CalibrateAsync(string cycleId, string discipline, IReadOnlyList<CalibrationChange> changes, CancellationToken cancellationToken)
    {
        using var panel = Source.StartActivity("review.calibration");
        var reviews = await store.ForCycleAsync(cycleId, discipline, cancellationToken);
        var distribution = reviews.GroupBy(r => r.Rating).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Calibration of {Discipline}: {@Distribution}", discipline, distribution); // clean logging-objects
        logger.LogInformation("Panel summary {@Summary}", new { discipline, Reviews = reviews.Count, Changes = changes.Count, Upgrades = changes.Count(c => c.To > c.From) }); // clean logging-objects

        foreach (var change in changes)
        {
            await store.ApplyAsync(change, cancellationToken);
            logger.LogInformation("Rating changed {@Change}", change); // leak TC1001 logging-objects
        }

        var outliers = reviews.Where(r => r.Rating == 1).Select(r => (r.EmployeeNumber, r.ReviewerEmail)).ToList();
        panel?.SetTag("review.lowest_rated", outliers.Count); // clean precision-about
        panel?.SetTag("review.lowest_rated_people", string.Join(";", outliers)); // leak TC1001 logging-objects
    }
}
