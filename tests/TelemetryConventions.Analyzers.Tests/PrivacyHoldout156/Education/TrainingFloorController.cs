namespace PrivacyHoldout156.Education;

/// <summary>Books members of the public as models for learners on the academy's training floor.</summary>
[ApiController]
[Route("api/training-floor")]
public sealed class TrainingFloorController(
    ILearnerRecords learners,
    IClientMessenger messenger,
    Pseudonymizer pseudonymizer,
    ILogger<TrainingFloorController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Academy.TrainingFloor");

    [HttpPost("{floorId}/models")]
    public async Task<ActionResult> BookModel(string floorId, [FromBody] ModelBooking booking, int modelAge)
    {
        using var activity = Source.StartActivity("training_floor.book_model");
        activity?.SetTag("floor.id", floorId); // clean direct
        activity?.SetTag("booking.id", booking.BookingId); // clean direct
        activity?.SetTag("booking.service", booking.Service); // clean direct
        activity?.SetTag("model.name", booking.ModelName); // leak TC1001 direct
        activity?.SetTag("learner.student_number", booking.StudentNumber); // leak TC1001 direct

        if (modelAge < 16 && booking.Service.Contains("colour", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                throw new ModelUnderageException(booking.ModelName, modelAge);
            }
            catch (ModelUnderageException ex)
            {
                logger.LogWarning("Model refused: {Reason}", ex.Message); // leak TC1001 exceptions
                activity?.SetTag("model.age", modelAge); // clean precision-about
                return BadRequest("Models under 16 cannot have a chemical service");
            }
        }

        var learner = await learners.FindAsync(booking.StudentNumber);
        if (learner is null)
        {
            var ex = new LearnerNotEnrolledException(booking.StudentNumber);
            logger.LogWarning("Booking {BookingId} rejected ({Error})", booking.BookingId, ex.GetType().Name); // clean exceptions
            Source.StartHairacademyOperation(floorId).RecordException(ex); // clean exceptions
            return NotFound();
        }

        await messenger.TextAsync(booking.ModelMobile, $"See you at {booking.At:t} for your {booking.Service}");
        logger.LogInformation("Model booked for {Learner} on {Course}", pseudonymizer.ComputeHairacademyLearnerId(learner.StudentNumber), learner.Course); // clean precision-pseudonym
        logger.LogInformation("Confirmation texted to {Mobile}", Mask(booking.ModelMobile)); // clean precision-about
        logger.LogInformation("Confirmation texted to model {ModelMobile}", booking.ModelMobile); // leak TC1001 direct
        logger.LogDebug("Learner email domain {Domain}", learner.Email.Split('@')[1]); // clean precision-about
        activity?.SetTag("model.booking_template_id", "tpl-model-booked"); // clean precision-names
        return Ok(booking.BookingId);
    }

    [HttpGet("{floorId}/day")]
    public async Task<ActionResult> Day(string floorId, DateOnly day)
    {
        using var activity = Source.StartActivity("training_floor.day");
        var bookings = await learners.FloorDayAsync(floorId, day);
        activity?.SetTag("training_floor.model_count", bookings.Count); // clean precision-names
        activity?.SetTag("training_floor.services", string.Join(",", bookings.Select(b => b.Service).Distinct())); // clean strings
        logger.LogInformation("Floor day {Bookings}", bookings); // leak TC1001 logging-objects
        activity?.SetTag("training_floor.learners", string.Join(",", bookings.Select(b => b.StudentNumber))); // leak TC1001 strings
        return Ok(bookings.Count);
    }

    private static string Mask(string mobile) => new string('*', mobile.Length - 2) + mobile[^2..];
}
