namespace PrivacyHoldout96.Education;

/// <summary>A document of the staff directory index.</summary>
public sealed record StaffDoc(string StaffId, string DisplayName, string Email, string Department, string Room);

/// <summary>The VLE's staff directory: "find a tutor" autocomplete and profile pages.</summary>
[ApiController]
[Route("api/directory")]
public sealed class StaffDirectoryController(ISearchClient directory, ILogger<StaffDirectoryController> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Vle.Directory");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("vle.directory.lookups");
    private static readonly CoursefindSearchesCounter Searches = Meter.CreateCoursefindSearchesCounter();

    [HttpGet("suggest")]
    public async Task<ActionResult> Suggest(string prefix, string? department, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("directory.prefix.length", prefix.Length); // clean precision-about
        activity?.SetTag("directory.department", department); // clean precision-names
        var suggestions = await directory.SuggestAsync<StaffDoc>(prefix, "sg-staff", cancellationToken);
        activity?.SetTag("directory.suggestions", suggestions.Results.Count);
        activity?.SetTag("directory.top", suggestions.Results.FirstOrDefault()?.Document.DisplayName); // leak TC1001 direct
        logger.LogDebug("Suggested {Emails}", suggestions.Results.Select(s => s.Document.Email).ToArray()); // leak TC1001 logging-objects
        logger.LogDebug("Suggestions by department {Departments}", suggestions.Results.GroupBy(s => s.Document.Department).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        Lookups.Add(1, new KeyValuePair<string, object?>("department", department ?? "all")); // clean precision-names
        Lookups.Add(1, new KeyValuePair<string, object?>("prefix", prefix)); // leak TC1003 direct
        Searches.Add(1, "relevance", suggestions.Results.Count == 0 ? $"none:{prefix}" : "ok"); // leak TC1003 strings

        var lane = BitConverter.ToUInt16(SHA1.HashData(Encoding.UTF8.GetBytes(prefix.ToLowerInvariant())), 0) % 16;
        activity?.SetTag("directory.cache.lane", lane); // leak TC1002 hashes
        return Ok(suggestions.Results.Select(s => new { s.Document.StaffId, s.Document.DisplayName, s.Document.Room }));
    }

    [HttpGet("people/{staffId}")]
    public ActionResult Profile(string staffId, string? fromSuggestion)
    {
        Activity.Current?.SetTag("directory.profile", staffId); // leak TC1001 direct
        Activity.Current?.SetTag("directory.from_suggestion", fromSuggestion is not null); // clean precision-about
        logger.LogInformation("Profile page served, came from {Source}", fromSuggestion is null ? "link" : "suggestion"); // clean precision-names
        return Ok();
    }
}
