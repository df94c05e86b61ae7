using AskVideo.Application.Common.Exceptions;
using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Messaging;
using AskVideo.Domain.Common;
using MediatR;

namespace AskVideo.Application.Videos.Upload;

/// <summary>
/// May the caller send a body of <paramref name="Length"/> bytes for this announced upload? Asked by the proxy before
/// it accepts a byte of the body (so a refusal costs nothing), and again when the body is complete. A command, so a
/// read-only token is refused here already, like the upload itself.
/// </summary>
public sealed record CheckUploadCommand(Guid Id, long? Length) : ICommand<Unit>;

internal sealed class CheckUploadHandler(ICurrentUser caller, IPendingUploads pending) : IRequestHandler<CheckUploadCommand, Unit>
{
    public async Task<Unit> Handle(CheckUploadCommand request, CancellationToken cancellationToken)
    {
        await FindAsync(pending, caller.RequireUserId(), request.Id, request.Length, cancellationToken);
        return Unit.Value;
    }

    /// <summary>The caller's announced upload, if <paramref name="length"/> is the size announced.</summary>
    internal static async Task<PendingUpload> FindAsync(IPendingUploads pending, Guid userId, Guid id, long? length, CancellationToken cancellationToken)
    {
        var upload = await pending.FindAsync(id, cancellationToken);
        if (upload is null || upload.OwnerId != userId)
            throw new NotFoundException("upload", "This upload is unknown, expired or already sent. Announce it again.");
        if (length != upload.SizeBytes)
            throw new UnprocessableException(ErrorCode.UploadSizeMismatch, $"Send exactly the {upload.SizeBytes} bytes announced, with a Content-Length header.");
        return upload;
    }
}
