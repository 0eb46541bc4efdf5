namespace PrivacyHoldout97.Education;

/// <summary>A lecture recording the room's capture appliance finished uploading (<c>SourcePath</c>: <c>/ingest/{room}/{yyyyMMdd-HHmm}.mp4</c>).</summary>
public sealed record LectureRecorded(string RecordingId, string ModuleCode, string Room, string LecturerStaffId, string LecturerEmail, string SourcePath, DateTimeOffset StartedAt);

/// <summary>
/// Transcodes lecture capture recordings into the HLS ladder the VLE plays, and a 10-second preview.
/// The capture appliance writes the lecture's title and the lecturer's name into the file's tags.
/// </summary>
public sealed class LectureCaptureTranscoder(
    IQueueReceiver<LectureRecorded> queue,
    Pseudonymizer pseudonymizer,
    StorageOptions options,
    ILogger<LectureCaptureTranscoder> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("University.LectureCapture");
    private static readonly Meter Meter = new("University.LectureCapture");
    private static readonly CoursefileTranscodeDurationHistogram Duration = Meter.CreateCoursefileTranscodeDurationHistogram();
    private static readonly Counter<long> MinutesByLecturer = Meter.CreateCounter<long>("lecturecapture.minutes", "min");
    private static readonly TranscodeProfile[] Ladder =
    [
        new("hls-360p", 360, 800, 96),
        new("hls-720p", 720, 2800, 128),
        new("hls-1080p", 1080, 5000, 128),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await queue.ReceiveAsync(stoppingToken) is not { } recording)
            {
                continue;
            }

            using var span = Source.StartCoursefileProcess("lecture-recording");
            span.SetCoursefileDocumentId(recording.RecordingId);
            span.SetCoursefileModule(recording.ModuleCode);
            span.SetCoursefileUploaderId(pseudonymizer.PseudonymizeCoursefileUploaderId(recording.LecturerStaffId)); // clean precision-pseudonym
            span.Activity?.SetTag("lecture.room", recording.Room); // clean precision-names
            span.Activity?.SetTag("lecture.source_path", recording.SourcePath); // clean strings

            var probe = await FFProbe.AnalyseAsync(recording.SourcePath, stoppingToken);
            span.Activity?.SetTag("media.duration_s", probe.Duration.TotalSeconds);
            span.Activity?.SetTag("media.codec", probe.PrimaryVideoStream?.CodecName);
            probe.Format.Tags.TryGetValue("title", out var title);
            probe.Format.Tags.TryGetValue("artist", out var presenter);
            logger.LogInformation("Recording {RecordingId} is '{Title}' presented by {Presenter}", recording.RecordingId, title, presenter); // leak TC1001 direct
            logger.LogDebug("Container tags of {RecordingId}: {Tags}", recording.RecordingId, string.Join(", ", probe.Format.Tags.Select(t => $"{t.Key}={t.Value}"))); // leak TC1001 strings
            MinutesByLecturer.Add((long)probe.Duration.TotalMinutes, new KeyValuePair<string, object?>("lecturer", recording.LecturerEmail)); // leak TC1003 direct
            MinutesByLecturer.Add((long)probe.Duration.TotalMinutes, new KeyValuePair<string, object?>("module", recording.ModuleCode)); // clean precision-names

            var outputDir = Path.Combine(options.WorkingDirectory, "lectures", recording.RecordingId);
            foreach (var profile in Ladder)
            {
                var started = Stopwatch.GetTimestamp();
                var output = Path.Combine(outputDir, profile.Name, "index.m3u8");
                var job = FFMpegArguments.FromFileInput(recording.SourcePath).OutputToFile(output, overwrite: true, profile);
                span.Activity?.AddEvent(new ActivityEvent("transcode.start", tags: new ActivityTagsCollection { ["profile"] = profile.Name, ["ffmpeg.args"] = job.Arguments })); // clean strings
                try
                {
                    await job.ProcessAsynchronously();
                    span.SetCoursefileRendition(profile.Name);
                    Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "lecture-recording", profile.Name); // clean generated-api
                    logger.LogDebug("Profile {Profile} done", profile); // clean logging-objects
                }
                catch (FFMpegException ex)
                {
                    logger.LogError(ex, "Transcode of {RecordingId} to {Profile} failed", recording.RecordingId, profile.Name); // leak TC1001 exceptions
                    span.SetCoursefileNote(ex.FFMpegErrorOutput); // leak TC1001 generated-api
                    logger.LogCoursefileFileRejectedEvent("transcode-failed", recording.RecordingId, coursefileNote: $"{profile.Name}: {ex.Type}"); // clean generated-api
                    break;
                }
            }

            logger.LogInformation("Lecture {RecordingId} in {Room} published for {Lecturer}", recording.RecordingId, recording.Room, recording.LecturerEmail); // leak TC1001 cross-member
        }
    }
}
