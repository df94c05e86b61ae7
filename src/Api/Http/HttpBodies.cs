using System.Text;
using System.Text.Json;
using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Validation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AskVideo.Api.Http;

/// <summary>Reading raw request bodies for endpoints that accept more than one content type.</summary>
public static class HttpBodies
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as UTF-8 text, refusing (413) more than <paramref name="maxBytes"/> while reading, never buffering more.</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw new PayloadTooLargeException(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw ValidationFailedException.For("body", FieldErrorCode.InvalidBody, "The body is not UTF-8 text.");
        }
    }

    /// <summary>JSON with the API's own serializer settings; malformed JSON is a 400 naming the body.</summary>
    public static T? Deserialize<T>(string body, HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return JsonSerializer.Deserialize<T>(body, options);
        }
        catch (JsonException ex)
        {
            throw ValidationFailedException.For("body", FieldErrorCode.InvalidBody, $"The body is not valid JSON for this request ({ex.Path ?? "$"}).");
        }
    }
}
