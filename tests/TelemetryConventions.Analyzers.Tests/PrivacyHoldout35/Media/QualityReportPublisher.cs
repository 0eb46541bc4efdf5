using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;

namespace PrivacyHoldout35.Media;

/// <summary>
/// Runs the nightly expectation suites of the streaming warehouse and publishes their results: the
/// <c>subscriber_contacts</c> suite over <c>email</c> and <c>phone</c> of <c>dim_subscriber</c>, and the
/// <c>title_catalogue</c> suite over <c>title_id</c>, <c>territory</c> and <c>runtime_minutes</c> of
/// <c>dim_title</c>.
/// </summary>
public sealed class QualityReportPublisher(IExpectationSuiteRunner runner, ILogger<QualityReportPublisher> logger)
{
    private static readonly ActivitySource Source = new("Stream.Warehouse.Quality");
    private static readonly Meter Meter = new("Stream.Warehouse.Quality");
    private static readonly HashSet<string> PersonalColumns = new(StringComparer.Ordinal) { "email", "phone", "subscriber_id", "profile_name" };

    public async Task RunNightlyAsync<TSubscriber, TTitle>(IReadOnlyList<TSubscriber> subscribers, IReadOnlyList<TTitle> titles, CancellationToken cancellationToken)
    {
        Publish(await runner.RunAsync("subscriber_contacts", "dw.dim_subscriber", subscribers, cancellationToken));
        Publish(await runner.RunAsync("title_catalogue", "dw.dim_title", titles, cancellationToken));
    }

    private void Publish(ValidationResult result)
    {
        using var activity = Source.StartActivity("dq.suite " + result.Suite); // clean precision-names
        logger.LogInformation("Suite {Suite} on {Asset}: {Failed} of {Checks} checks failed", result.Suite, result.DataAsset, result.Failed, result.Results.Count); // clean precision-about
        logger.LogDebug("Validation result: {@Result}", result); // leak TC1001 logging-objects

        foreach (var failed in result.Results.Where(r => !r.Success))
        {
            Meter.CreateDqFailuresCounter().Add(failed.UnexpectedCount, failed.ExpectationType, failed.Column); // clean precision-names
            if (PersonalColumns.Contains(failed.Column))
            {
                activity?.AddEvent(new ActivityEvent("dq.failed", tags: new ActivityTagsCollection { ["dq.column"] = failed.Column, ["dq.unexpected.percent"] = failed.UnexpectedPercent })); // clean precision-about
            }
            else
            {
                activity?.AddEvent(new ActivityEvent("dq.failed", tags: new ActivityTagsCollection { ["dq.column"] = failed.Column, ["dq.sample"] = string.Join(",", failed.PartialUnexpectedList) })); // clean strings
            }
        }

        var worst = result.Results.Where(r => !r.Success).MaxBy(r => r.UnexpectedPercent);
        if (worst is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"{worst.ExpectationType} on {worst.Column}: first unexpected {worst.PartialUnexpectedList.FirstOrDefault()}"); // leak TC1001 strings
        }
    }
}
