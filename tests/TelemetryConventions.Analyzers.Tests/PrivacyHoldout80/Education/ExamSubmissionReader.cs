namespace PrivacyHoldout80.Education;

/// <summary>An exam submission as the kiosk posts it: <c>{"exam":"…","studentNumber":"…","email":"…","answers":[{"q":1,"text":"…"}]}</c>.</summary>
public sealed class ExamSubmission
{
    public string ExamCode { get; set; } = "";

    public string StudentNumber { get; set; } = "";

    public string Email { get; set; } = "";

    public List<(int Question, string Text)> Answers { get; } = new();
}

/// <summary>A hand-rolled <see cref="Utf8JsonReader"/> parser over the pooled request body, and the receipt it writes back.</summary>
public sealed partial class ExamSubmissionReader(ActivitySource source, ILogger<ExamSubmissionReader> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static ReadOnlySpan<byte> ExamProperty => "exam"u8;
    private static ReadOnlySpan<byte> StudentProperty => "studentNumber"u8;
    private static ReadOnlySpan<byte> EmailProperty => "email"u8;
    private string? _lastRejectedStudent;

    public ExamSubmission? Read(string kioskId, ReadOnlySequence<byte> body)
    {
        using var span = source.StartGatewireFrameDecode(kioskId);
        span.SetGatewireFrameLength((int)body.Length); // clean precision-about
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var submission = new ExamSubmission();
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }
                if (reader.ValueTextEquals(ExamProperty))
                {
                    reader.Read();
                    submission.ExamCode = reader.GetString()!;
                }
                else if (reader.ValueTextEquals(StudentProperty))
                {
                    reader.Read();
                    submission.StudentNumber = reader.GetString()!;
                }
                else if (reader.ValueTextEquals(EmailProperty))
                {
                    reader.Read();
                    submission.Email = reader.GetString()!;
                }
                else if (reader.ValueTextEquals("answers"u8))
                {
                    ReadAnswers(ref reader, submission);
                }
            }
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Submission from kiosk {Kiosk} unreadable at byte {Offset}, line {Line}", kioskId, reader.BytesConsumed, ex.LineNumber); // clean exceptions
            span.RecordException(ex); // clean exceptions
            _lastRejectedStudent = submission.StudentNumber;
            return null;
        }

        span.SetGatewireStudentId(pseudonymizer.PseudonymizeGatewireStudentId(submission.StudentNumber)); // clean precision-pseudonym
        span.SetGatewireNote($"{submission.ExamCode}: {submission.Answers.Count} answers, {submission.Answers.Sum(a => a.Text.Length)} characters"); // clean precision-about
        if (submission.Answers.Count == 0)
        {
            var empty = new FieldDecodeException("answers", $"none for {submission.StudentNumber} in {submission.ExamCode}");
            Activity.Current?.AddException(empty); // leak TC1001 exceptions
            logger.LogWarning("Empty submission: {Reason}", empty.Message); // leak TC1001 exceptions
        }
        logger.LogInformation("Submission for {Exam} by {Student}", submission.ExamCode, submission.Email); // leak TC1001 direct
        logger.LogDebug("First answer: {Answer}", submission.Answers.FirstOrDefault().Text); // leak TC1001 direct
        meter.CreateGatewireFramesDecodedCounter().Add(1, "0x00", "decoded:" + submission.ExamCode); // clean precision-about
        return submission;
    }

    private static void ReadAnswers(ref Utf8JsonReader reader, ExamSubmission submission)
    {
        var question = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("q"u8))
            {
                reader.Read();
                question = reader.GetInt32();
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                submission.Answers.Add((question, reader.GetString()!));
            }
        }
    }

    public int WriteReceipt(ExamSubmission submission, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("exam", submission.ExamCode);
        writer.WriteString("student", submission.StudentNumber);
        writer.WriteNumber("answers", submission.Answers.Count);
        writer.WriteEndObject();
        writer.Flush();
        LogReceipt(logger, submission.ExamCode, (int)writer.BytesCommitted); // clean precision-about
        return (int)writer.BytesCommitted;
    }

    public void ReportLastRejection(string kioskId)
    {
        logger.LogWarning("Kiosk {Kiosk}: last rejected submission was {Student}'s", kioskId, _lastRejectedStudent); // leak TC1001 cross-member
        logger.LogWarning("Kiosk {Kiosk}: last rejected submission had a student number: {HasStudent}", kioskId, !string.IsNullOrEmpty(_lastRejectedStudent)); // clean precision-about
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Debug, Message = "Receipt for {Exam} written, {Bytes} bytes")]
    private static partial void LogReceipt(ILogger logger, string exam, int bytes);
}
