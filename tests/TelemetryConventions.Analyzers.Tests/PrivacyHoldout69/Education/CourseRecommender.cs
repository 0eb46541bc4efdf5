using OpenTelemetry;

namespace PrivacyHoldout69.Education;

/// <summary>The ranking service's request. A record: it prints the student number and the goal the student typed.</summary>
public sealed record ModuleRankRequest(string StudentNumber, string CareerGoal, IReadOnlyList<string> CandidateModules, string Arm);

public sealed record RankedModule(string ModuleCode, double Score);

public interface IModuleRanker
{
    Task<IReadOnlyList<RankedModule>> RankAsync(ModuleRankRequest request, CancellationToken cancellationToken);
}

/// <summary>Recommends option modules on the student portal; the ranker is under an A/B test (two-tower vs popularity).</summary>
[ApiController]
[Route("students/{studentNumber}/recommended-modules")]
public sealed class CourseRecommenderController(
    IModuleRanker ranker,
    IExperimentClient experiments,
    ShardKey shardKey,
    Pseudonymizer pseudonymizer,
    ILogger<CourseRecommenderController> logger) : ControllerBase
{
    private static readonly TimeSpan RankerBudget = TimeSpan.FromMilliseconds(300);
    private static readonly string[] PopularModules = ["ENG-CW-2", "MAT-STAT-1", "CS-PY-1", "BUS-ENT-2"];

    [HttpGet]
    public async Task<ActionResult> GetAsync(string studentNumber, string careerGoal, string programme, CancellationToken ct)
    {
        var activity = Activity.Current;
        activity?.SetTag("http.route", "students/{studentNumber}/recommended-modules"); // clean precision-names
        var span = activity.EnrichLearnriskScore("two-tower-3").SetLearnriskCourse(programme); // clean precision-about

        var assignment = experiments.Assign("module-ranker-2025", studentNumber);
        span.SetLearnriskArm(assignment.Arm); // clean generated-api
        activity?.SetTag("experiment.unit", assignment.Unit); // leak TC1001 cross-member
        activity?.SetTag("experiment.in_experiment", assignment.InExperiment);
        activity?.SetTag("experiment.bucket", shardKey.Bucket("module-ranker-2025:" + studentNumber, 100)); // clean hashes
        Baggage.SetBaggage("experiment.arm", assignment.Arm); // clean precision-about
        Baggage.SetBaggage("student.number", studentNumber); // leak TC1001 direct

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Student"] = pseudonymizer.ComputeLearnriskStudentId(studentNumber), ["Arm"] = assignment.Arm }); // clean precision-pseudonym
        var request = new ModuleRankRequest(studentNumber, careerGoal, ModulesFor(programme), assignment.Arm);
        logger.LogDebug("Ranking request {@RankRequest}", request); // leak TC1001 logging-objects
        activity?.SetTag("learnrisk.query", $"goal:{request.CareerGoal.Trim()}"); // leak TC1001 strings
        activity?.SetTag("learnrisk.query_length", careerGoal.Length); // clean precision-about

        IReadOnlyList<RankedModule> ranked;
        try
        {
            ranked = await ranker.RankAsync(request, ct).WaitAsync(RankerBudget, ct);
            span.SetLearnriskOutcome("ranked"); // clean generated-api
        }
        catch (TimeoutException ex)
        {
            logger.LogWarning(ex, "Ranker missed its {Budget} ms budget; popular modules served", RankerBudget.TotalMilliseconds); // clean exceptions
            span.SetLearnriskOutcome("fallback:popular").SetLearnriskNote($"timeout after {RankerBudget.TotalMilliseconds} ms"); // clean generated-api
            ranked = PopularModules.Select((m, i) => new RankedModule(m, 1.0 - i * 0.1)).ToList();
        }

        logger.LogInformation("Served modules {Modules}", ranked.Select(r => r.ModuleCode).ToList()); // clean precision-about
        return Ok(ranked);
    }

    private static IReadOnlyList<string> ModulesFor(string programme) =>
        programme.StartsWith("BTEC", StringComparison.Ordinal) ? ["ENG-CW-2", "BUS-ENT-2", "CS-PY-1"] : ["MAT-STAT-1", "CS-PY-1", "ENG-CW-2"];
}
