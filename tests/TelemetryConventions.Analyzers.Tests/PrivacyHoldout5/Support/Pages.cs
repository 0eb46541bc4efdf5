using System;
using System.Collections.Generic;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout5.Support;

// Stand-ins for Razor Pages and MVC views, so that the corpus compiles without ASP.NET Core.
// Only the shapes matter.

public interface IActionResult;

public sealed class PageResult : IActionResult;

public sealed record RedirectToPageResult(string PageName, object? RouteValues) : IActionResult;

public sealed record ViewResult(string? ViewName, object? Model) : IActionResult;

public sealed record StatusCodeResult(int StatusCode) : IActionResult;

[AttributeUsage(AttributeTargets.Property)]
public sealed class BindPropertyAttribute : Attribute
{
    public bool SupportsGet { get; init; }
}

public sealed class ModelStateDictionary
{
    public bool IsValid { get; set; } = true;

    public int ErrorCount { get; set; }

    public void AddModelError(string key, string message) => ErrorCount++;
}

public abstract class PageModel
{
    public HttpContextInfo HttpContext { get; init; } = new();

    public ModelStateDictionary ModelState { get; } = new();

    public IDictionary<string, object?> TempData { get; } = new Dictionary<string, object?>();

    protected static IActionResult Page() => new PageResult();

    protected static IActionResult RedirectToPage(string pageName, object? routeValues = null) => new RedirectToPageResult(pageName, routeValues);

    protected static IActionResult NotFound() => new StatusCodeResult(404);
}

public abstract class Controller
{
    public HttpContextInfo HttpContext { get; init; } = new();

    public ModelStateDictionary ModelState { get; } = new();

    protected static IActionResult View(object? model = null) => new ViewResult(null, model);

    protected static IActionResult View(string viewName, object? model) => new ViewResult(viewName, model);

    protected static IActionResult RedirectToAction(string action, object? routeValues = null) => new RedirectToPageResult(action, routeValues);
}
