UPDATE habit SET title = upper(title) WHERE title = 'run';

UPDATE habit SET archived = 0 WHERE archived IS NULL;

UPDATE habit
   SET title = title || ' (it''s done)'
 WHERE archived = 0;
