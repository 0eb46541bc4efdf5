namespace PrivacyHoldout154.Education;

/// <summary>The academy's workshop: members of the public book their cars in for apprentices to service under supervision.</summary>
[ApiController]
[Route("api/workshop/jobs")]
public sealed class WorkshopJobsController(
    IWorkshopDiary diary,
    ILogger<WorkshopJobsController> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter) : ControllerBase
{
    private static readonly Counter<long> JobsOpened = new Meter("College.Workshop").CreateCounter<long>("workshop.jobs.opened");

    [HttpPost("{jobNumber}/start")]
    public async Task<ActionResult> StartAsync(string jobNumber, string bay, CancellationToken cancellationToken)
    {
        var job = await diary.JobAsync(jobNumber, cancellationToken);
        if (job is null)
        {
            return NotFound(jobNumber);
        }

        using var span = source.StartAutocollegeOperation(bay)
            .SetAutocollegeStudentId(pseudonymizer.PseudonymizeAutocollegeStudentId(job.ApprenticeStudentNumber)) // clean precision-pseudonym
            .SetAutocollegeOwnerId(pseudonymizer.PseudonymizeAutocollegeOwnerId(job.OwnerPhone)); // clean precision-pseudonym
        Activity.Current?.SetTag("workshop.job_number", job.JobNumber); // clean precision-names
        Activity.Current?.SetTag("workshop.task", job.Task); // clean precision-about
        Activity.Current?.SetTag("workshop.owner_name", job.OwnerName); // leak TC1001 direct
        Activity.Current?.SetTag("workshop.owner_name_length", job.OwnerName.Length); // clean precision-about
        Activity.Current?.SetTag("workshop.apprentice", job.ApprenticeStudentNumber); // leak TC1001 direct
        logger.LogInformation("Job started {@Job}", job); // leak TC1001 logging-objects
        logger.LogInformation("Job {JobNumber} ({Task}) started in {Bay}", job.JobNumber, job.Task, bay); // clean precision-names
        JobsOpened.Add(1, new KeyValuePair<string, object?>("workshop.bay", bay)); // clean precision-about
        JobsOpened.Add(1, new KeyValuePair<string, object?>("workshop.apprentice", pseudonymizer.PseudonymizeAutocollegeStudentId(job.ApprenticeStudentNumber).Value)); // leak TC1003 precision-pseudonym

        var apprentice = await diary.ApprenticeAsync(job.ApprenticeStudentNumber, cancellationToken);
        try
        {
            if (apprentice is null)
            {
                throw new ApprenticeNotEnrolledException(job.ApprenticeStudentNumber);
            }

            logger.LogInformation("Apprentice {Apprentice} on job {JobNumber}", apprentice, job.JobNumber); // leak TC1001 logging-objects
            Activity.Current?.SetTag("workshop.cohort", apprentice.Cohort); // clean precision-about
            Activity.Current?.SetTag("workshop.apprentice_email_domain", apprentice.Email.Split('@')[1]); // clean precision-about
        }
        catch (ApprenticeNotEnrolledException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogAutocollegeOperationFailedEvent(bay, "not-enrolled"); // clean generated-api
            return BadRequest();
        }

        meter.CreateAutocollegeJobsCounter().Add(1, bay, "started"); // clean generated-api
        meter.CreateAutocollegeJobsCounter().Add(1, bay, job.Registration); // leak TC1003 generated-api
        return Ok();
    }

    [HttpPost("{jobNumber}/bay/{bay}")]
    public ActionResult MoveBay(string jobNumber, string bay)
    {
        try
        {
            throw new BayOccupiedException(bay);
        }
        catch (BayOccupiedException ex)
        {
            logger.LogWarning(ex, "Job {JobNumber} could not move", jobNumber); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return BadRequest(ex.Message);
        }
    }
}
