using System.Diagnostics;
using GreenDonut;
using HotChocolate;
using HotChocolate.Types;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout19.Education;

public sealed class CourseByCodeDataLoader(IEnrolments enrolments, ILogger<CourseByCodeDataLoader> logger, IBatchScheduler scheduler)
    : BatchDataLoader<string, Course>(scheduler)
{
    protected override async Task<IReadOnlyDictionary<string, Course>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        logger.LogDebug("Loading courses {CourseCodes}", string.Join(',', keys)); // clean strings
        var courses = await enrolments.CoursesAsync(keys, cancellationToken);
        return courses.ToDictionary(c => c.Code);
    }
}

[ExtendObjectType<Course>]
public sealed class CourseExtensions
{
    public async Task<IReadOnlyList<Enrolment>> GetRosterAsync([Parent] Course course, [Service] IEnrolments enrolments, ILogger<CourseExtensions> logger, CancellationToken cancellationToken)
    {
        var roster = await enrolments.ForCourseAsync(course.Code, cancellationToken);
        Activity.Current?.SetTag("course.code", course.Code); // clean precision-names
        logger.LogInformation("Roster of {CourseCode}: {ByYear}", course.Code, roster.GroupBy(e => e.YearGroup).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        logger.LogDebug("Roster of {CourseCode}: {Students}", course.Code, roster.Select(e => e.StudentNumber).ToList()); // leak TC1001 logging-objects
        if (roster.Count > course.Capacity)
        {
            Activity.Current?.SetTag("course.overbooked_by", roster.Count - course.Capacity); // clean precision-about
        }

        return roster;
    }
}
