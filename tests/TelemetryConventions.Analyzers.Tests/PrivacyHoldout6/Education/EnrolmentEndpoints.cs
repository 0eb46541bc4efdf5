using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout6.Support;

namespace PrivacyHoldout6.Education;

public sealed record EnrolmentRequest(string Programme, string[] ModuleCodes, string GuardianName, string GuardianEmail);

/// <summary>Enrolment metrics, made through the host's meter factory.</summary>
public sealed class EnrolmentMetrics
{
    private readonly Counter<long> _enrolments;
    private readonly Histogram<double> _duration;

    public EnrolmentMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create("School.Enrolment");
        _enrolments = meter.CreateCounter<long>("enrolment.completed");
        _duration = meter.CreateHistogram<double>("enrolment.duration", "ms");
    }

    public void Completed(string studentNumber, string programme, double milliseconds)
    {
        var tags = new TagList { { "enrolment.programme", programme } };
        _enrolments.Add(1, tags);
        tags.Add("enrolment.student", studentNumber);
        _duration.Record(milliseconds, tags);
    }

    public void Rejected(string programme) => _enrolments.Add(0, new TagList { { "enrolment.programme", programme }, { "enrolment.outcome", "rejected" } });
}

public static class EnrolmentEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/enrolments", (EnrolmentRequest request, [FromHeader(Name = "X-Student-Number")] string studentNumber, EnrolmentMetrics metrics, ILogger<EnrolmentRequest> logger) =>
        {
            var started = Stopwatch.GetTimestamp();
            ReadOnlySpan<char> number = studentNumber.AsSpan().Trim();
            // Student numbers start with the two letters of the campus that issued them.
            Activity.Current?.SetTag("enrolment.campus", number[..2].ToString()); // clean precision-about
            Activity.Current?.SetTag("enrolment.student", number.ToString()); // leak TC1001 direct
            Activity.Current?.SetTag("enrolment.modules", string.Join(',', request.ModuleCodes)); // clean strings
            Activity.Current?.SetTag("enrolment.contact", string.Concat(request.GuardianName, " <", request.GuardianEmail, ">")); // leak TC1001 strings
            if (request.ModuleCodes.Length == 0)
            {
                metrics.Rejected(request.Programme); // clean direct
                return Results.NotFound();
            }

            metrics.Completed(number.ToString(), request.Programme, Stopwatch.GetElapsedTime(started).TotalMilliseconds); // leak TC1003 cross-member
            logger.LogInformation("Enrolled on {Programme} with {ModuleCount} modules", request.Programme, request.ModuleCodes.Length); // clean precision-about
            return Results.Ok();
        });
    }
}
