namespace ImageKit
{
    public enum ExifTag
    {
        Make,
        Model,
        Software,
        Artist,
        Copyright,
        ImageDescription,
        CameraOwnerName,
        BodySerialNumber,
        DateTimeOriginal,
        Orientation,
        GPSLatitude,
        GPSLongitude,
    }

    /// <summary>One EXIF value: a tag and what the camera or the app wrote into it. Prints <c>Tag: value</c>.</summary>
    public sealed class ExifValue(ExifTag tag, object? value)
    {
        public ExifTag Tag { get; } = tag;

        public object? Value { get; } = value;

        public override string ToString() => $"{Tag}: {Value}";
    }

    /// <summary>The EXIF block of an image, as image libraries expose it.</summary>
    public sealed class ExifProfile
    {
        public IReadOnlyList<ExifValue> Values { get; init; } = Array.Empty<ExifValue>();

        public bool TryGetValue<T>(ExifTag tag, out T? value)
        {
            var found = Values.FirstOrDefault(v => v.Tag == tag);
            if (found?.Value is T typed)
            {
                value = typed;
                return true;
            }
            value = default;
            return false;
        }

        /// <summary>The position in decimal degrees, when the camera recorded one.</summary>
        public (double Latitude, double Longitude)? GetGpsPosition() =>
            TryGetValue<double>(ExifTag.GPSLatitude, out var lat) && TryGetValue<double>(ExifTag.GPSLongitude, out var lon) ? (lat, lon) : null;

        public bool RemoveValue(ExifTag tag) => true;
    }

    public sealed class ImageMetadata
    {
        /// <summary>The decoded format's name (<c>JPEG</c>, <c>PNG</c>, <c>WEBP</c>, <c>HEIC</c>).</summary>
        public string? DecodedImageFormat { get; init; }

        public double HorizontalResolution { get; init; } = 72;

        public ExifProfile? ExifProfile { get; set; }
    }

    /// <summary>What identifying an image (reading its header) returns.</summary>
    public sealed class ImageInfo
    {
        public int Width { get; init; }

        public int Height { get; init; }

        public int BitsPerPixel { get; init; } = 24;

        public ImageMetadata Metadata { get; init; } = new();
    }

    public sealed class Image : IDisposable
    {
        public int Width { get; private set; }

        public int Height { get; private set; }

        public ImageMetadata Metadata { get; } = new();

        public static Task<ImageInfo> IdentifyAsync(Stream stream, CancellationToken cancellationToken = default) => Task.FromResult(new ImageInfo());

        public static Task<Image> LoadAsync(Stream stream, CancellationToken cancellationToken = default) => Task.FromResult(new Image());

        /// <summary>Resizes to fit within <paramref name="maxEdge"/> pixels on the longer edge.</summary>
        public void ResizeToFit(int maxEdge)
        {
            var scale = Math.Min(1.0, (double)maxEdge / Math.Max(1, Math.Max(Width, Height)));
            Width = (int)(Width * scale);
            Height = (int)(Height * scale);
        }

        /// <summary>Drops every metadata profile (EXIF, IPTC, XMP).</summary>
        public void StripMetadata() => Metadata.ExifProfile = null;

        public Task SaveAsWebpAsync(Stream stream, int quality = 80, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SaveAsJpegAsync(Stream stream, int quality = 85, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    /// <summary>The bytes are not an image any decoder knows: <c>Image cannot be loaded. Available decoders: …</c>. Quotes no name.</summary>
    public sealed class UnknownImageFormatException(string message) : Exception(message);

    /// <summary>The image's data is corrupt: <c>Bad method for JPEG scan</c> and the like. Quotes no name.</summary>
    public sealed class InvalidImageContentException(string message) : Exception(message);
}
