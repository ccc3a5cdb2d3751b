"""The site takes no files. A file part in a form body makes the request a 400.

Django keeps file parts out of DATA_UPLOAD_MAX_MEMORY_SIZE (it spools them to a
temporary file), so without this a form post could carry megabytes that nobody reads.
"""

from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler


class RefuseFiles(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        raise RequestDataTooBig("This site accepts no file uploads.")

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None
