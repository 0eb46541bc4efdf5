namespace PrivacyHoldout138.Education;

public sealed record LetterForm(string WriterName, string WriterEmail, string? StudentNumber, string Town, string Body, bool PrintName);

public static class LettersToEditorEndpoints
{
    private static readonly ActivitySource Source = new("Campus.Letters");
    private static readonly Meter LettersMeter = new("Campus.Letters");
    private static readonly Counter<long> Received = LettersMeter.CreateCounter<long>("campus.letters.received", "{letter}");

    public static EndpointRoutes MapLetters(this EndpointRoutes routes)
    {
        routes.MapPost("/letters", (LetterForm form, Pseudonymizer pseudonymizer, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger("Campus.Letters");
            var letter = new LetterToEditor(Guid.NewGuid().ToString("N"), form.WriterName, form.WriterEmail, form.Town, form.Body, DateTimeOffset.UtcNow);
            using var activity = Source.StartActivity("letters.receive");
            activity?.SetTag("letter.id", letter.LetterId); // clean precision-names
            activity?.SetTag("letter.town", letter.Town); // clean precision-names
            activity?.SetTag("letter.print_name", form.PrintName); // clean precision-about
            activity?.SetTag("letter.words", form.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
            activity?.SetTag("letter.writer", form.WriterName); // leak TC1001 direct
            Received.Add(1, new KeyValuePair<string, object?>("from_student", form.StudentNumber is not null)); // clean precision-about

            using (logger.BeginScope("Letter {LetterId} from {WriterEmail}", letter.LetterId, letter.WriterEmail)) // leak TC1001 logging-objects
            {
                logger.LogInformation("Letter received: {Letter}", letter); // leak TC1001 logging-objects
                logger.LogInformation("Letter opens: {Opening}", form.Body.Length > 80 ? form.Body[..80] : form.Body); // leak TC1001 strings
            }

            if (form.StudentNumber is { } studentNumber)
            {
                Activity.Current?.AddBaggage("campuspress.author", pseudonymizer.ComputeCampuspressAuthorId(studentNumber)); // clean precision-pseudonym
                Activity.Current?.AddBaggage("campus.student", studentNumber); // leak TC1001 direct
                var cohort = studentNumber.GetHashCode() % 8;
                activity?.SetTag("letter.cohort", cohort); // leak TC1002 hashes
            }

            return new OkResult(letter.LetterId);
        });
        return routes;
    }
}
