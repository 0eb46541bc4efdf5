using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Logging;
using PrivacyHoldout26.Telemetry;
using Sentry;

namespace PrivacyHoldout26.Education;

/// <summary>The learner (or a guardian acting for one) signed in to the student portal.</summary>
public sealed record PortalSession(string SessionId, string StudentNumber, string DisplayName, string Email, string YearGroup, bool IsGuardian);

/// <summary>The portal's page routes, and the template a concrete path was made from.</summary>
public static class PortalRoutes
{
    public const string Timetable = "students/{studentNumber}/timetable";
    public const string Grades = "students/{studentNumber}/grades";
    public const string Course = "courses/{courseCode}";

    public static string TemplateOf(string relativePath)
    {
        var path = relativePath.Split('?', '#')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["students", _, var page] => "students/{studentNumber}/" + page,
            ["courses", _] => Course,
            [var first, ..] => first,
            _ => "home",
        };
    }
}

/// <summary>
/// Screen-view tracking of the Blazor WebAssembly student portal: one span per page shown, a screen
/// view counter and a breadcrumb for the crash reporter.
/// </summary>
public sealed class PortalNavigationTracker(
    NavigationManager navigation,
    ILogger<PortalNavigationTracker> logger,
    Meter meter,
    PortalSession session) : IDisposable
{
    private static readonly ActivitySource Source = new("StudentPortal.Wasm");

    private AppScreenViewSpan _current;
    private string _previousTemplate = "home";

    public void Start()
    {
        navigation.LocationChanged += OnLocationChanged;
        SentrySdk.ConfigureScope(scope =>
        {
            scope.User = new SentryUser { Id = session.StudentNumber, Email = session.Email }; // leak TC1001 direct
            scope.SetTag("year_group", session.YearGroup); // clean precision-names
            scope.SetTag("guardian_view", session.IsGuardian ? "yes" : "no"); // clean precision-about
        });
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        _current.Dispose();
        var relative = navigation.ToBaseRelativePath(e.Location);
        var template = PortalRoutes.TemplateOf(relative);
        _current = Source.StartAppScreenView(template).SetAppSessionId(session.SessionId).SetAppPlatform("browser"); // clean generated-api
        meter.CreateAppScreenViewsCounter().Add(1, template, "browser"); // clean generated-api
        logger.LogInformation("Navigated to {Location} (intercepted: {Intercepted})", e.Location, e.IsNavigationIntercepted); // leak TC1001 direct
        logger.LogDebug("Screen {Template} after {Previous}", template, _previousTemplate); // clean precision-names
        SentrySdk.AddBreadcrumb($"{_previousTemplate} -> {template}", "navigation"); // clean strings

        if (session.IsGuardian && relative.StartsWith("students/", StringComparison.Ordinal))
        {
            var viewedStudent = relative.Split('/')[1];
            _current.Activity?.SetTag("portal.viewed.student", viewedStudent); // leak TC1001 strings
        }

        _previousTemplate = template;
    }

    public void Dispose()
    {
        navigation.LocationChanged -= OnLocationChanged;
        _current.Dispose();
    }
}
