using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout16.Support.Search;
using PrivacyHoldout16.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout16.Education;

public sealed record CourseDoc(string CourseCode, string Title, string Campus, string Level, int Credits);

internal static partial class DirectoryLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Directory prefix too short ({Length} characters)")]
    public static partial void PrefixTooShort(ILogger logger, int length);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Debug, Message = "Directory autocomplete '{Prefix}' gave {Count} suggestions")]
    public static partial void Suggested(ILogger logger, string prefix, int count);
}

/// <summary>The course catalogue search and the staff directory's autocomplete, as minimal APIs.</summary>
public static class CourseSearchEndpoints
{
    public static EndpointRoutes MapCourseSearch(this EndpointRoutes routes) =>
        routes.MapGet("/courses/search", SearchCoursesAsync)
              .MapGet("/directory/autocomplete", AutocompleteStaffAsync);

    internal static async Task<IReadOnlyList<CourseDoc>> SearchCoursesAsync(
        string q,
        string? campus,
        string? level,
        HttpContextInfo http,
        ISearchClient search,
        Pseudonymizer pseudonymizer,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Campus.CourseSearch");

        // Learners sign in with their student number as the subject.
        var studentNumber = http.User.SubjectId;
        var filters = new Dictionary<string, string>();
        if (campus is not null)
        {
            filters["campus"] = campus;
        }

        if (level is not null)
        {
            filters["level"] = level;
        }

        var span = Activity.Current.EnrichSearchRequest("courses");
        span.SetSearchFacetCount(filters.Count);
        if (studentNumber is not null)
        {
            span.SetSearchUserId(pseudonymizer.PseudonymizeSearchUserId(studentNumber)); // clean precision-pseudonym
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Campus"] = campus, ["Level"] = level, ["Query"] = q }); // leak TC1001 logging-objects

        var normalised = q.Trim().ToLowerInvariant();
        Activity.Current?.SetTag("search.query.normalised", normalised); // leak TC1001 strings
        Activity.Current?.SetTag("search.query.terms", normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about

        var response = await search.SearchAsync<CourseDoc>(new SearchRequest("courses", normalised) { Filters = filters, Facets = ["campus", "level"] }, cancellationToken);
        Activity.Current?.SetTag("search.filters", string.Join(';', filters.Select(f => $"{f.Key}={f.Value}"))); // clean strings
        logger.LogInformation("Course search returned {Total}, showing {Returned}, in {TookMs} ms", response.Total, response.Hits.Count, response.TookMs);

        foreach (var (facet, buckets) in response.Facets)
        {
            Activity.Current?.AddEvent(new ActivityEvent("search.facet", tags: new ActivityTagsCollection { ["facet.name"] = facet, ["facet.buckets"] = buckets.Count })); // clean precision-names
        }

        return response.Hits.Select(h => h.Source).ToList();
    }

    internal static async Task<IReadOnlyList<string>> AutocompleteStaffAsync(
        string prefix,
        ISearchClient search,
        ILoggerFactory loggers,
        Meter meter,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Campus.Directory");
        if (prefix.Length < 2)
        {
            DirectoryLog.PrefixTooShort(logger, prefix.Length); // clean precision-about
            return [];
        }

        // The directory index holds tutors' and support staff's display names.
        var names = await search.SuggestAsync("staff-directory", prefix, 8, cancellationToken);
        DirectoryLog.Suggested(logger, prefix, names.Count); // leak TC1001 direct
        Activity.Current?.SetTag("directory.suggestions", string.Join(" | ", names)); // leak TC1001 cross-member
        meter.CreateSearchRequestsCounter().Add(1, "staff-directory", SearchQueryKind.Name); // clean precision-names
        return names;
    }
}
