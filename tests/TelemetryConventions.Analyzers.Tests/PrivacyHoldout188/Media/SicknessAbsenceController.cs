namespace PrivacyHoldout188.Media;

public sealed record CrewAbsenceCall(string EmployeeNumber, string ReasonCode, string Symptoms, string CalledFrom, string Production);

/// <summary>The crew desk's sickness call-in line: crew ring in before a shift and the desk keys the call.</summary>
[ApiController]
[Route("crew/absence")]
public sealed class SicknessAbsenceController(IHrRecords hr, ILogger<SicknessAbsenceController> logger, Pseudonymizer pseudonymizer) : ControllerBase
{
    [HttpPost("call-in")]
    public async Task<ActionResult> CallInAsync([FromBody] CrewAbsenceCall call, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("absence.reason_code", call.ReasonCode); // clean precision-names
        activity?.SetTag("absence.production", call.Production); // clean precision-names
        activity?.SetTag("absence.symptoms", call.Symptoms); // leak TC1001 direct
        activity?.SetTag("absence.called_from", call.CalledFrom); // leak TC1001 direct
        activity?.SetTag("absence.user", HttpContext.User.Email); // leak TC1001 direct
        activity?.SetTag("absence.desk_trace", HttpContext.TraceIdentifier); // clean precision-names
        logger.LogInformation("Call-in {@Call}", call); // leak TC1001 logging-objects
        logger.LogInformation("Call-in {@Call}", call with { Symptoms = string.Empty, CalledFrom = string.Empty }); // leak TC1001 logging-objects
        logger.LogInformation("Call-in {@Call}", new { call.ReasonCode, call.Production, SymptomsGiven = call.Symptoms.Length > 0 }); // clean logging-objects

        var crew = await hr.FindEmployeeAsync(call.EmployeeNumber, cancellationToken);
        if (crew is null)
        {
            var ex = new EmployeeNotFoundException(call.EmployeeNumber);
            logger.LogWarning("Call-in failed: {Error}", ex.Message); // leak TC1001 exceptions
            return NotFound();
        }

        var episode = new AbsenceEpisode(Guid.NewGuid().ToString("N"), crew.EmployeeNumber, call.ReasonCode, call.Symptoms, 1, DateOnly.FromDateTime(DateTime.UtcNow));
        await hr.SaveAbsenceAsync(episode, cancellationToken);
        activity?.SetTag("absence.episode", episode.EpisodeId); // clean precision-names
        activity?.SetTag("absence.crew", pseudonymizer.PseudonymizeCrewhealthClientId(crew.EmployeeNumber).Value); // clean precision-pseudonym
        logger.LogInformation("Episode {EpisodeId} opened for {Crew} ({Department})", episode.EpisodeId, pseudonymizer.ComputeCrewhealthClientId(crew.EmployeeNumber), crew.DepartmentCode); // clean precision-pseudonym
        logger.LogInformation("Episode {EpisodeId} opened, crew email at {Domain}", episode.EpisodeId, crew.WorkEmail[(crew.WorkEmail.LastIndexOf('@') + 1)..]); // clean precision-about
        return Ok(episode.EpisodeId);
    }
}
