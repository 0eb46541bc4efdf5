namespace MediaKit
{
    public sealed class VideoStream
    {
        public int Width { get; init; }

        public int Height { get; init; }

        public string CodecName { get; init; } = "h264";

        public double FrameRate { get; init; }

        public long BitRate { get; init; }
    }

    public sealed class AudioStream
    {
        public string CodecName { get; init; } = "aac";

        public int Channels { get; init; }

        public string? Language { get; init; }
    }

    public sealed class MediaFormat
    {
        public string FormatName { get; init; } = "mov,mp4,m4a,3gp,3g2,mj2";

        public TimeSpan Duration { get; init; }

        public long BitRate { get; init; }

        /// <summary>The container's tags: <c>title</c>, <c>artist</c>, <c>comment</c>, <c>creation_time</c>, <c>location</c> (ISO 6709) and the like.</summary>
        public Dictionary<string, string> Tags { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What probing a media file returns, as ffprobe reports it.</summary>
    public sealed class MediaAnalysis
    {
        public TimeSpan Duration { get; init; }

        public MediaFormat Format { get; init; } = new();

        public VideoStream? PrimaryVideoStream { get; init; }

        public AudioStream? PrimaryAudioStream { get; init; }

        public IReadOnlyList<string> ErrorData { get; init; } = Array.Empty<string>();
    }

    public static class FFProbe
    {
        public static Task<MediaAnalysis> AnalyseAsync(string filePath, CancellationToken cancellationToken = default) => Task.FromResult(new MediaAnalysis());
    }

    public enum FFMpegExceptionType
    {
        Process,
        Conversion,
        Operation,
    }

    /// <summary>
    /// ffmpeg failed. The message ends with ffmpeg's error output: the banner of the input as ffmpeg read it
    /// (<c>Input #0, mov,mp4,… from '/var/media/in/….mp4':</c> followed by the container's <c>Metadata:</c> lines,
    /// <c>title</c>, <c>artist</c>, <c>location</c> and the rest, when the file has tags) and the error lines, which name
    /// the input and output files as the command line gave them (<c>…: Invalid data found when processing input</c>).
    /// </summary>
    public sealed class FFMpegException(FFMpegExceptionType type, string message, string ffMpegErrorOutput)
        : Exception(message + "\n" + ffMpegErrorOutput)
    {
        public FFMpegExceptionType Type { get; } = type;

        public string FFMpegErrorOutput { get; } = ffMpegErrorOutput;
    }

    /// <summary>A rendition of a transcode ladder. Prints its members.</summary>
    public sealed record TranscodeProfile(string Name, int Height, int VideoKbps, int AudioKbps, string Codec = "h264");

    /// <summary>An ffmpeg command line being built, as FFMpegCore's argument builder.</summary>
    public sealed class FFMpegArgumentProcessor
    {
        private readonly string _input;
        private readonly List<string> _output = new();

        internal FFMpegArgumentProcessor(string input) => _input = input;

        /// <summary>The whole command line: input, options and output paths.</summary>
        public string Arguments => $"-i \"{_input}\" " + string.Join(" ", _output);

        public FFMpegArgumentProcessor OutputToFile(string path, bool overwrite, TranscodeProfile profile)
        {
            _output.Add($"-vf scale=-2:{profile.Height} -c:v {profile.Codec} -b:v {profile.VideoKbps}k -b:a {profile.AudioKbps}k {(overwrite ? "-y " : "")}\"{path}\"");
            return this;
        }

        public FFMpegArgumentProcessor WithVideoFilter(string filter)
        {
            _output.Insert(0, $"-vf \"{filter}\"");
            return this;
        }

        public FFMpegArgumentProcessor NotifyOnProgress(Action<double> onPercentageProgress, TimeSpan totalTimeSpan) => this;

        public Task<bool> ProcessAsynchronously(bool throwOnError = true) => Task.FromResult(true);
    }

    public static class FFMpegArguments
    {
        public static FFMpegArgumentProcessor FromFileInput(string path) => new(path);
    }
}
