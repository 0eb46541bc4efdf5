using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using Sentry;

namespace PrivacyHoldout26.Education;

public sealed record GradeRow(string CourseCode, string Assessment, string Grade, decimal Weight);

public interface IGradebookClient
{
    Task<IReadOnlyList<GradeRow>> GetGradesAsync(string studentNumber, string term);

    Task<bool> IsLockedAsync(string studentNumber, string term);
}

/// <summary>The gradebook is closed while the exam board meets.</summary>
public sealed class GradebookLockedException(string studentNumber, string term)
    : Exception($"The gradebook of {studentNumber} is locked for {term} while the exam board meets");

/// <summary>The grades page, <c>/students/{StudentNumber}/grades?term=…</c>.</summary>
[Route("/students/{StudentNumber}/grades")]
public sealed class GradesPage : ComponentBase
{
    [Parameter]
    public string StudentNumber { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = "term")]
    public string? Term { get; set; }

    [Inject]
    public IGradebookClient Gradebook { get; set; } = null!;

    [Inject]
    public ILogger<GradesPage> Logger { get; set; } = null!;

    public IReadOnlyList<GradeRow> Grades { get; private set; } = [];

    protected override async Task OnParametersSetAsync()
    {
        var term = Term ?? "current";
        Logger.LogInformation("Loading grades for {StudentNumber} in {Term}", StudentNumber, term); // leak TC1001 direct
        if (await Gradebook.IsLockedAsync(StudentNumber, term))
        {
            throw new GradebookLockedException(StudentNumber, term);
        }

        Grades = await Gradebook.GetGradesAsync(StudentNumber, term);
        Activity.Current?.SetTag("portal.grades.count", Grades.Count); // clean precision-about
        Activity.Current?.SetTag("portal.grades.courses", string.Join(",", Grades.Select(g => g.CourseCode).Distinct())); // clean precision-names
    }
}

/// <summary>
/// The error boundary around every page of the portal: it reports the page's exception and shows a
/// friendly message. The grades page throws <see cref="GradebookLockedException"/> into it.
/// </summary>
public sealed class PortalErrorBoundary : ErrorBoundary
{
    [Inject]
    public ILogger<PortalErrorBoundary> Logger { get; set; } = null!;

    protected override Task OnErrorAsync(Exception exception)
    {
        Logger.LogError(exception, "A page of the portal failed"); // leak TC1001 exceptions
        SentrySdk.CaptureException(exception, scope => scope.SetTag("boundary", "page")); // leak TC1001 exceptions
        Activity.Current?.SetTag("portal.error.type", exception.GetType().Name); // clean exceptions
        return Task.CompletedTask;
    }
}
