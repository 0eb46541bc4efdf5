namespace PrivacyHoldout165.Education;

/// <summary>A school marks pupils' family tree projects (history, year 8) and moderates the teachers' comments.</summary>
public sealed partial class TreeProjectMarkingService(
    IProjectStore projects,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<TreeProjectMarkingService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("School.Projects");
    private readonly Histogram<int> _marks = meter.CreateHistogram<int>("projects.mark");
    private readonly List<string> _ancestorsSeen = new();
    private string _lowestPupil = string.Empty;
    private int _lowestMark = int.MaxValue;

    [LoggerMessage(Level = LogLevel.Information, Message = "Project {ProjectId} of {PupilUpn} marked {Mark}")]
    private static partial void LogMarked(ILogger logger, string projectId, [PrivateData] string pupilUpn, int mark);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment on {ProjectId}: {Comment}")]
    private static partial void LogComment(ILogger logger, string projectId, string comment);

    public async Task MarkAsync(string projectId, int mark, CancellationToken cancellationToken)
    {
        using var span = Source.StartFamhistOperation("year-8-history");
        var project = await projects.LoadAsync(projectId, cancellationToken);
        if (project is null)
        {
            return;
        }

        var band = mark >= 70 ? "A" : mark >= 50 ? "B" : "C";
        span.SetFamhistModule("family-tree"); // clean generated-api
        span.SetFamhistItemCount(project.AncestorNames.Count); // clean generated-api
        span.SetFamhistNote(project.TeacherComment); // leak TC1001 generated-api
        span.SetFamhistNote($"generations={project.Generations} band={band}"); // clean generated-api
        LogMarked(logger, project.ProjectId, project.PupilUpn, mark); // clean logging-objects
        LogComment(logger, project.ProjectId, project.TeacherComment); // leak TC1001 logging-objects
        _marks.Record(mark, new KeyValuePair<string, object?>("band", band)); // clean precision-about
        _ancestorsSeen.AddRange(project.AncestorNames);
        if (mark < _lowestMark)
        {
            _lowestMark = mark;
            _lowestPupil = project.PupilName;
        }

        var bucket = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(project.PupilUpn))) % 8;
        _marks.Record(mark, new KeyValuePair<string, object?>("moderation.bucket", bucket)); // clean hashes
        var dedupe = project.PupilUpn.GetHashCode();
        span.Activity?.SetTag("project.pupil_key", dedupe); // leak TC1002 hashes
        span.Activity?.SetTag("project.pupil", pseudonymizer.Pseudonymize("pupil", project.PupilUpn).Value); // clean precision-pseudonym
        await projects.SaveMarkAsync(new ProjectMark(project.ProjectId, mark, band), cancellationToken);
    }

    public void ReportModeration()
    {
        logger.LogInformation("Lowest mark {Mark} by {Pupil}", _lowestMark, _lowestPupil); // leak TC1001 cross-member
        logger.LogInformation("Ancestors named this term: {Count}", _ancestorsSeen.Count); // clean cross-member
        Activity.Current?.SetTag("projects.ancestors", string.Join("; ", _ancestorsSeen)); // leak TC1001 cross-member
    }
}
