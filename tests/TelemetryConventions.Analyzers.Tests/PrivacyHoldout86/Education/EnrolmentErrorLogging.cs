namespace PrivacyHoldout86.Education;

/// <summary>
/// The enrolment API's error-logging middleware: logs the failed request beside the exception, which
/// for enrolment rules quotes the student number.
/// </summary>
public sealed class EnrolmentErrorLogging(ILogger<EnrolmentErrorLogging> logger) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            logger.LogInformation("Client closed {Route} after {Status}", PathNormalizer.Template(context), context.Response.StatusCode); // clean precision-about
        }
        catch (StudentNotEnrolledException ex)
        {
            var span = new LearnaccessRequestSpan(Activity.Current);
            span.SetLearnaccessNote(ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            Activity.Current?.AddTag("error.course", ex.CourseId); // clean exceptions
            logger.LogWarning("Enrolment refused on {Route}: {Reason}", PathNormalizer.Template(context), ex.Message); // leak TC1001 exceptions
            context.Response.StatusCode = 409;
        }
    }
}

public sealed class StudentNotEnrolledException(string studentNumber, string courseId)
    : InvalidOperationException($"Student {studentNumber} is not enrolled on {courseId}")
{
    public string CourseId { get; } = courseId;
}
